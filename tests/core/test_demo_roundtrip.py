"""Done-when check of the foundation: the demo CSVs re-saved as a French ERP would
(French headers, ';', decimal comma, dd/mm/yyyy, Windows-1252) import to the same tables,
the same headline figures and the same customer table."""

import numpy as np
import pandas as pd
import pytest

from core.features import customer_features, portfolio_kpis
from core.io import read_table
from core.sample import load_demo
from core.schema import COLUMNS

FRENCH_HEADERS = {
    "invoice_id": "N° facture", "customer_id": "Code client", "date": "Date facture",
    "product": "Article", "family": "Famille", "quantity": "Quantité", "amount": "Montant HT",
    "margin": "Marge", "name": "Raison sociale", "kind": "Type client", "status": "Statut",
    "sector": "Secteur d'activité", "size": "Effectif", "address": "Adresse",
    "postal_code": "Code postal", "city": "Ville", "country": "Pays", "latitude": "Latitude",
    "longitude": "Longitude", "sales_rep": "Commercial", "created": "Date de création",
    "potential": "Potentiel", "credit_limit": "Plafond de crédit",
    "payment_terms_days": "Délai de paiement", "acquisition_cost": "Coût d'acquisition",
    "siret": "SIRET", "email": "Courriel", "phone": "Téléphone", "channel": "Canal",
    "duration_min": "Durée", "cost": "Coût", "outcome": "Résultat", "complaint": "Réclamation",
    "invoice_date": "Date facture", "due_date": "Date d'échéance", "paid_date": "Date de règlement",
    "payment_method": "Mode de règlement",
}
CONTACT_HEADERS = {"date": "Date du contact"}


def to_french_csv(frame: pd.DataFrame, kind: str, path) -> None:
    out = pd.DataFrame(index=frame.index)
    for col in frame.columns:
        s = frame[col]
        typ = COLUMNS[kind][col]
        if typ == "date":
            out[col] = s.dt.strftime("%d/%m/%Y").where(s.notna(), "")
        elif typ == "float":
            out[col] = s.map(lambda v: "" if pd.isna(v) else repr(float(v)).replace(".", ","))
        elif typ == "bool":
            out[col] = s.map(lambda v: "" if pd.isna(v) else ("oui" if v else "non"))
        else:
            out[col] = s.fillna("")
    headers = {**FRENCH_HEADERS, **(CONTACT_HEADERS if kind == "contacts" else {})}
    out.columns = [headers[c] for c in out.columns]
    out.to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace")


@pytest.fixture(scope="module")
def demo():
    return load_demo()


@pytest.mark.parametrize("kind", ["transactions", "customers", "contacts", "receivables"])
def test_french_export_imports_to_the_same_table(demo, kind, tmp_path):
    original = getattr(demo, kind)
    path = tmp_path / f"{kind}.csv"
    to_french_csv(original, kind, path)
    result = read_table(path, kind, lang="fr")
    assert result.n_rejected == 0, result.rejected.head()
    assert result.n_read == len(original) == result.n_imported
    got = result.data[list(original.columns)].reset_index(drop=True)
    for col in original.columns:
        a, b = original[col].reset_index(drop=True), got[col]
        typ = COLUMNS[kind][col]
        if typ == "float":
            np.testing.assert_allclose(b.to_numpy(float), a.to_numpy(float), rtol=0, atol=1e-9,
                                       err_msg=col)
        elif typ == "date":
            assert (a.isna() == b.isna()).all() and (a.dropna() == b.dropna()).all(), col
        elif typ == "bool":
            assert a.astype("boolean").equals(b.astype("boolean")), col
        else:
            # cp1252 cannot hold every character; the demo's text must be representable
            assert a.fillna("").astype(str).tolist() == b.fillna("").astype(str).tolist(), col


def test_french_export_gives_the_same_figures(demo, tmp_path):
    to_french_csv(demo.transactions, "transactions", tmp_path / "t.csv")
    imported = read_table(tmp_path / "t.csv", "transactions", lang="fr").data
    as_of = demo.last_date()
    assert portfolio_kpis(imported, as_of) == pytest.approx(portfolio_kpis(demo.transactions, as_of),
                                                            nan_ok=True)
    pd.testing.assert_frame_equal(customer_features(imported, as_of),
                                  customer_features(demo.transactions, as_of))
