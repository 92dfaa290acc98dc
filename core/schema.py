"""Data model of a portfolio: the four tables, their canonical columns and header aliases.

Column names in the code are snake_case English (ARCHITECTURE.md). Files exported by
French or English ERPs, CRMs and accounting tools are mapped onto them through
``HEADER_ALIASES``; :func:`guess_mapping` does the automatic part of that mapping.

Example
-------
>>> guess_mapping(["Code client", "Date facture", "Montant HT", "Marge"], "transactions")
{'Code client': 'customer_id', 'Date facture': 'date', 'Montant HT': 'amount', 'Marge': 'margin'}
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields

import pandas as pd

TABLES = ("transactions", "customers", "contacts", "receivables")

# Column types: "str" (identifiers and text, leading zeros kept), "float" (money,
# quantities), "date" (datetime64), "bool".
COLUMNS: dict[str, dict[str, str]] = {
    "transactions": {
        "invoice_id": "str",
        "customer_id": "str",
        "date": "date",
        "product": "str",
        "family": "str",
        "quantity": "float",
        "amount": "float",
        "margin": "float",
    },
    "customers": {
        "customer_id": "str",
        "name": "str",
        "kind": "str",
        "status": "str",
        "sector": "str",
        "size": "str",
        "address": "str",
        "postal_code": "str",
        "city": "str",
        "country": "str",
        "latitude": "float",
        "longitude": "float",
        "sales_rep": "str",
        "created": "date",
        "potential": "float",
        "credit_limit": "float",
        "payment_terms_days": "float",
        "acquisition_cost": "float",
        "siret": "str",
        "email": "str",
        "phone": "str",
    },
    "contacts": {
        "customer_id": "str",
        "date": "date",
        "channel": "str",
        "duration_min": "float",
        "cost": "float",
        "outcome": "str",
        "complaint": "bool",
    },
    "receivables": {
        "invoice_id": "str",
        "customer_id": "str",
        "invoice_date": "date",
        "due_date": "date",
        "amount": "float",
        "paid_date": "date",
        "payment_method": "str",
    },
}

# Columns a file must provide (after mapping) for the table to be usable.
# transactions.invoice_id is optional: without it, one order = one customer and one day.
REQUIRED: dict[str, tuple[str, ...]] = {
    "transactions": ("customer_id", "date", "amount"),
    "customers": ("customer_id",),
    "contacts": ("customer_id", "date"),
    "receivables": ("invoice_id", "customer_id", "invoice_date", "due_date", "amount"),
}

# Customer statuses the app understands (lifecycle, DOMAIN.md section 3). Imports keep
# any text; these are the values the demo uses and the pages recognise.
STATUSES = ("suspect", "cold prospect", "warm prospect", "hot prospect", "customer", "lost")

# Header aliases, French and English, as real exports spell them. Keys are canonical
# columns; the match is made on a normalised form (lower case, no accents, no
# punctuation), so "N° Client", "n°client" and "N CLIENT" are the same alias.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "invoice_id": (
        "invoice_id", "invoice", "invoice number", "invoice no", "invoice nr", "invoice ref",
        "order id", "order", "order number", "order no", "document", "document number",
        "doc no", "bill id", "receipt", "transaction id",
        "facture", "n facture", "no facture", "num facture", "numero facture",
        "numero de facture", "n de facture", "ref facture", "reference facture",
        "id facture", "code facture", "piece", "n piece", "numero piece", "num piece",
        "commande", "n commande", "no commande", "numero commande", "numero de commande",
        "bon de commande", "n bon", "bl", "n bl",
    ),
    "customer_id": (
        "customer_id", "customer", "customer id", "customer code", "customer no",
        "customer number", "customer ref", "client id", "account", "account id",
        "account number", "cust id", "cust no", "custid", "buyer id", "tiers id",
        "client", "code client", "n client", "no client", "num client", "numero client",
        "numero de client", "id client", "ref client", "reference client", "code tiers",
        "tiers", "n tiers", "compte client", "code compte", "identifiant client",
        "prospect id", "code prospect", "n prospect",
    ),
    "date": (
        "date", "invoice date", "order date", "sale date", "transaction date",
        "purchase date", "document date", "contact date", "date of contact",
        "date facture", "date de facture", "date commande", "date de commande",
        "date vente", "date de vente", "date piece", "date de la piece", "date achat",
        "date d achat", "date contact", "date du contact", "date operation",
        "date de l operation", "date action", "jour",
    ),
    "product": (
        "product", "product id", "product code", "product name", "item", "item code",
        "sku", "article", "produit", "code article", "ref article", "reference article",
        "reference produit", "ref produit", "code produit", "designation",
        "libelle article", "libelle produit", "nom produit",
    ),
    "family": (
        "family", "product family", "category", "product category", "product line",
        "range", "group", "product group", "famille", "famille produit",
        "famille de produits", "famille article", "gamme", "categorie", "rayon",
        "univers", "ligne de produits", "sous famille",
    ),
    "quantity": (
        "quantity", "qty", "units", "volume", "quantite", "qte", "qt", "nombre",
        "quantite vendue", "nb unites", "unites",
    ),
    "amount": (
        "amount", "net amount", "sales", "revenue", "turnover", "sales amount",
        "amount excl tax", "amount excl vat", "net sales", "value", "total", "total ht",
        "amount ht", "invoice amount", "amount incl tax", "amount ttc", "total ttc",
        "montant", "montant ht", "montant net", "montant net ht", "ca", "ca ht",
        "chiffre d affaires", "chiffre d affaires ht", "chiffre affaires", "vente",
        "ventes", "ventes ht", "prix total", "montant facture", "montant ttc",
        "montant de la facture", "montant du", "montant creance", "valeur",
    ),
    "margin": (
        "margin", "gross margin", "profit", "gross profit", "contribution", "marge",
        "marge brute", "marge commerciale", "marge ht", "mb", "benefice",
    ),
    "name": (
        "name", "customer name", "company", "company name", "account name", "business name",
        "nom", "nom client", "raison sociale", "societe", "entreprise", "denomination",
        "nom du client", "enseigne", "nom prospect", "nom societe", "libelle client",
    ),
    "kind": (
        "kind", "type", "customer type", "b2b b2c", "segment type", "type client",
        "type de client", "nature", "categorie client", "typologie",
    ),
    "status": (
        "status", "customer status", "stage", "lifecycle stage", "lead status", "statut",
        "statut client", "etat", "stade", "qualification", "statut prospect",
    ),
    "sector": (
        "sector", "industry", "activity", "business sector", "naf", "ape", "naf code",
        "secteur", "secteur d activite", "activite", "code naf", "code ape", "naf ape",
        "code naf ape", "branche",
    ),
    "size": (
        "size", "company size", "employees", "headcount", "staff", "workforce", "taille",
        "effectif", "effectifs", "tranche effectif", "tranche d effectif", "nb salaries",
        "nombre de salaries",
    ),
    "address": (
        "address", "street", "address line 1", "street address", "address 1", "adresse",
        "adresse 1", "adresse postale", "rue", "voie", "adresse ligne 1",
    ),
    "postal_code": (
        "postal_code", "postal code", "postcode", "zip", "zip code", "zipcode", "post code",
        "cp", "code postal", "codepostal", "code post",
    ),
    "city": ("city", "town", "locality", "ville", "commune", "localite", "municipality"),
    "country": ("country", "country code", "pays", "code pays", "nation"),
    "latitude": ("latitude", "lat", "y", "gps lat"),
    "longitude": ("longitude", "lon", "lng", "long", "x", "gps lon", "gps lng"),
    "sales_rep": (
        "sales_rep", "sales rep", "salesperson", "sales person", "rep", "account manager",
        "owner", "account owner", "representative", "commercial", "vendeur",
        "representant", "charge d affaires", "attache commercial", "responsable",
        "responsable commercial", "vrp", "technico commercial", "secteur commercial",
    ),
    "created": (
        "created", "created date", "creation date", "customer since", "since",
        "date created", "first contact", "date creation", "date de creation",
        "client depuis", "date ouverture", "date d ouverture", "anciennete",
        "date entree", "date d entree",
    ),
    "potential": (
        "potential", "annual potential", "purchase potential", "potential revenue",
        "wallet", "share of wallet base", "potentiel", "potentiel d achat",
        "potentiel annuel", "potentiel ca", "ca potentiel",
    ),
    "credit_limit": (
        "credit_limit", "credit limit", "credit line", "limit", "plafond",
        "plafond de credit", "plafond credit", "encours autorise", "encours maximum",
        "limite de credit", "limite credit",
    ),
    "payment_terms_days": (
        "payment_terms_days", "payment terms", "payment terms days", "terms", "terms days",
        "delai de paiement", "delai paiement", "delai de reglement", "delai reglement",
        "conditions de paiement", "jours de paiement", "echeance jours",
    ),
    "acquisition_cost": (
        "acquisition_cost", "acquisition cost", "cac", "cost of acquisition",
        "cout d acquisition", "cout acquisition", "cout de conquete",
    ),
    "siret": ("siret", "siren", "n siret", "numero siret", "company number", "registration"),
    "email": ("email", "e mail", "mail", "courriel", "adresse mail", "adresse email"),
    "phone": (
        "phone", "telephone", "tel", "phone number", "mobile", "portable",
        "numero de telephone", "tel fixe",
    ),
    "channel": (
        "channel", "contact type", "medium", "contact channel", "canal", "type de contact",
        "type contact", "moyen", "media", "action",
    ),
    "duration_min": (
        "duration_min", "duration", "duration min", "minutes", "length", "duree",
        "duree min", "duree minutes", "duree en minutes",
    ),
    "cost": ("cost", "contact cost", "unit cost", "cout", "cout contact", "cout unitaire"),
    "outcome": (
        "outcome", "result", "notes", "resultat", "issue", "suite donnee", "compte rendu",
        "commentaire",
    ),
    "complaint": (
        "complaint", "is complaint", "claim", "reclamation", "plainte", "litige",
    ),
    "invoice_date": (
        "invoice_date", "invoice date", "issue date", "date facture", "date de facture",
        "date emission", "date d emission", "date piece", "date",
    ),
    "due_date": (
        "due_date", "due date", "due", "payment due", "maturity", "date echeance",
        "date d echeance", "echeance", "date limite de paiement", "date limite",
    ),
    "paid_date": (
        "paid_date", "paid date", "payment date", "date paid", "settlement date",
        "cleared date", "date paiement", "date de paiement", "date reglement",
        "date de reglement", "regle le", "date encaissement", "date d encaissement",
    ),
    "payment_method": (
        "payment_method", "payment method", "method", "payment mode", "payment type",
        "mode de paiement", "mode paiement", "mode de reglement", "mode reglement",
        "moyen de paiement", "moyen de reglement", "reglement",
    ),
}

# Aliases whose meaning depends on the table (e.g. "date" is the invoice date in
# receivables, "montant" the amount incl. tax there).
_TABLE_PREFERENCE = {
    "receivables": {"date": "invoice_date"},
}


def normalise_header(text: object) -> str:
    """Lower-case, accent-free, punctuation-free form of a header, for alias matching.

    >>> normalise_header("  N° de Facture ")
    'n de facture'
    >>> normalise_header("Chiffre d'affaires (€)")
    'chiffre d affaires'
    """
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("°", " ").replace("€", " ")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


_ALIAS_INDEX: dict[str, list[str]] = {}
for _canon, _aliases in HEADER_ALIASES.items():
    for _alias in (_canon, *_aliases):
        _ALIAS_INDEX.setdefault(normalise_header(_alias), []).append(_canon)


def guess_mapping(headers, kind: str) -> dict[str, str]:
    """Map source headers to the canonical columns of table ``kind`` by alias.

    Each canonical column is used at most once (the first matching header wins);
    headers that match nothing are left out of the mapping.

    Parameters
    ----------
    headers : iterable of str
        Column headers as read from the file.
    kind : str
        One of ``TABLES``.

    Returns
    -------
    dict
        source header -> canonical column.

    Raises
    ------
    ValueError
        If ``kind`` is not a known table.

    Examples
    --------
    >>> guess_mapping(["N° client", "CP", "Ville", "Raison sociale"], "customers")
    {'N° client': 'customer_id', 'CP': 'postal_code', 'Ville': 'city', 'Raison sociale': 'name'}
    >>> guess_mapping(["Date", "Echéance", "Montant TTC"], "receivables")
    {'Date': 'invoice_date', 'Echéance': 'due_date', 'Montant TTC': 'amount'}
    """
    check_kind(kind)
    columns = COLUMNS[kind]
    prefs = _TABLE_PREFERENCE.get(kind, {})
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for header in headers:
        norm = normalise_header(header)
        candidates = [prefs.get(c, c) for c in _ALIAS_INDEX.get(norm, [])]
        for canon in candidates:
            if canon in columns and canon not in used:
                mapping[header] = canon
                used.add(canon)
                break
    return mapping


def check_kind(kind: str) -> None:
    """Raise ``ValueError`` unless ``kind`` names one of the four tables."""
    if kind not in COLUMNS:
        raise ValueError(
            f"unknown table '{kind}': expected one of {', '.join(TABLES)}"
        )


def empty_table(kind: str) -> pd.DataFrame:
    """An empty DataFrame with the canonical columns and dtypes of ``kind``."""
    check_kind(kind)
    return pd.DataFrame({c: pd.Series(dtype=_DTYPES[t]) for c, t in COLUMNS[kind].items()})


_DTYPES = {"str": "str", "float": "float64", "date": "datetime64[ns]", "bool": "boolean"}


def coerce_types(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Give the canonical columns present in ``frame`` their canonical dtypes.

    Text becomes pandas' ``str`` dtype (missing as NaN), floats become float64, dates datetime64[ns],
    booleans the nullable boolean dtype. Used on data that is already clean (the demo,
    a saved portfolio); files go through ``core.io`` which validates first.
    """
    check_kind(kind)
    out = frame.copy()
    for col, typ in COLUMNS[kind].items():
        if col not in out.columns:
            continue
        s = out[col]
        if typ == "str":
            out[col] = s.astype("str")
        elif typ == "float":
            out[col] = pd.to_numeric(s, errors="coerce").astype("float64")
        elif typ == "date":
            out[col] = pd.to_datetime(s, errors="coerce").astype("datetime64[ns]")
        elif typ == "bool":
            out[col] = s.astype("boolean")
    return out


@dataclass
class Portfolio:
    """A customer portfolio: the transactions table (required) and optional tables.

    Every table holds canonical columns only (see ``COLUMNS``); optional columns may be
    absent. ``None`` means the table was not provided.
    """

    transactions: pd.DataFrame
    customers: pd.DataFrame | None = None
    contacts: pd.DataFrame | None = None
    receivables: pd.DataFrame | None = None
    meta: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables that are present, by name, in ``TABLES`` order."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name in TABLES and getattr(self, f.name) is not None
        }

    def has(self, kind: str, *columns: str) -> bool:
        """True when table ``kind`` is present, not empty, and holds every column given."""
        table = getattr(self, kind, None)
        return table is not None and len(table) > 0 and all(c in table.columns for c in columns)

    def last_date(self) -> pd.Timestamp | None:
        """The last transaction date (the default reference date), or None if empty."""
        if self.transactions is None or self.transactions.empty:
            return None
        return pd.Timestamp(self.transactions["date"].max()).normalize()
