"""Demo portfolio: a seeded, credible French B2B customer portfolio.

The demo firm is a regional supplier of professional equipment and supplies in
Auvergne-Rhône-Alpes (départements 01, 38, 42, 69, 73) with four sales reps. Its
customers are restaurants, shops, building firms, plants, pharmacies..., located in
real communes (GeoNames postal data, ``sample_data/communes.csv``).

The generator is fully vectorised with numpy (no Python loop per sales line), so the
same code writes the 30 000-line demo and 10^7-line benchmark portfolios:

- revenue per customer follows a log-normal law with a heavier top decile, so that
  the ABC split of the last 12 months is close to the textbook one
  (10 % of customers ~ 58 % of revenue, 40 % ~ 32 %, 50 % ~ 10 %);
- monthly invoice counts are Poisson with rate
  ``c * (level / median) ** 0.5 * trajectory(t) * season(month)``, the trajectory
  being stable, growing, declining, lost (no purchase in the last 6-18 months) or
  new (first purchase in the last 12 months);
- each line picks a product family from the customer's own mix (sector-flavoured),
  an affordable product, a quantity, a customer discount; margin = amount - cost.

Public names: :data:`REPS`, :data:`FAMILIES`, :data:`CATALOGUE`,
:func:`generate_portfolio`, :func:`write_portfolio`, :func:`load_demo`,
:func:`load_communes`, :func:`siret_is_valid`. Command line::

    python -m core.sample --demo                       # regenerate sample_data/*.csv
    python -m core.sample --customers 100000 --lines-per-customer 100 --out DIR \
        [--seed S] [--format csv|parquet]

Example
-------
>>> p = generate_portfolio(n_customers=40, n_prospects=10, seed=1)
>>> len(p.customers), p.customers["customer_id"].iloc[0]
(50, 'C00001')
>>> bool(p.transactions["customer_id"].str.startswith("C").all())
True
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from scipy.special import ndtri

from core.schema import COLUMNS, Portfolio

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
COMMUNES_FILE = SAMPLE_DIR / "communes.csv"
DEFAULT_END = "2026-10-31"
DEFAULT_LINES_PER_CUSTOMER = 49.0
TABLE_FILES = ("transactions", "customers", "contacts", "receivables")

# The four sales reps and their home bases (coordinates from sample_data/communes.csv).
REPS = [
    {"name": "Claire Delorme", "base_city": "Lyon", "latitude": 45.7612, "longitude": 4.8518},
    {"name": "Julien Ravel", "base_city": "Grenoble", "latitude": 45.1787, "longitude": 5.7148},
    {"name": "Sandrine Peyron", "base_city": "Saint-Étienne", "latitude": 45.4339,
     "longitude": 4.39},
    {"name": "Mathieu Chevrier", "base_city": "Bourg-en-Bresse", "latitude": 46.2057,
     "longitude": 5.2258},
]

# Product families and their gross margin rates (margin / net amount before discount).
FAMILIES = {
    "Consommables": 0.25,
    "Équipement": 0.35,
    "Maintenance": 0.55,
    "Pièces détachées": 0.40,
    "Hygiène": 0.30,
    "Emballage": 0.22,
    "Mobilier": 0.32,
    "Formation": 0.60,
}
# Typical line size of a family relative to the customer's average line.
_FAMILY_LINE_SIZE = np.array([0.5, 2.5, 1.5, 0.7, 0.6, 0.6, 1.8, 2.0])

# Catalogue: (family, product, list price in euros excl. tax at the start of the period).
CATALOGUE = [
    ("Consommables", "Ramette A4", 4.9),
    ("Consommables", "Étiquettes", 6.5),
    ("Consommables", "Ruban adhésif", 7.5),
    ("Consommables", "Gants nitrile", 8.9),
    ("Consommables", "Stylos", 12.0),
    ("Consommables", "Piles AA", 14.0),
    ("Consommables", "Cartouche encre", 29.0),
    ("Consommables", "Toner laser", 89.0),
    ("Équipement", "Perceuse", 189.0),
    ("Équipement", "Balance pro", 260.0),
    ("Équipement", "Imprimante", 349.0),
    ("Équipement", "Compresseur", 380.0),
    ("Équipement", "Terminal CB", 420.0),
    ("Équipement", "Aspirateur", 620.0),
    ("Équipement", "Échafaudage", 1450.0),
    ("Équipement", "Vitrine froide", 2300.0),
    ("Équipement", "Four mixte", 4900.0),
    ("Maintenance", "Déplacement", 45.0),
    ("Maintenance", "Main-d'œuvre", 78.0),
    ("Maintenance", "Garantie 1 an", 150.0),
    ("Maintenance", "Dépannage urgent", 190.0),
    ("Maintenance", "Visite préventive", 240.0),
    ("Maintenance", "Contrat annuel", 1200.0),
    ("Pièces détachées", "Filtre à air", 18.0),
    ("Pièces détachées", "Joint de porte", 24.0),
    ("Pièces détachées", "Kit courroies", 42.0),
    ("Pièces détachées", "Thermostat", 55.0),
    ("Pièces détachées", "Résistance", 65.0),
    ("Pièces détachées", "Moteur ventilo", 210.0),
    ("Pièces détachées", "Carte électronique", 280.0),
    ("Hygiène", "Sacs 110 L", 9.8),
    ("Hygiène", "Détergent", 12.5),
    ("Hygiène", "Savon mains", 16.0),
    ("Hygiène", "Désinfectant", 21.0),
    ("Hygiène", "Essuie-mains", 28.0),
    ("Hygiène", "Distributeur", 48.0),
    ("Hygiène", "Chariot ménage", 290.0),
    ("Emballage", "Palette bois", 11.0),
    ("Emballage", "Film étirable", 14.0),
    ("Emballage", "Sachets kraft", 19.0),
    ("Emballage", "Papier bulle", 27.0),
    ("Emballage", "Cartons", 32.0),
    ("Emballage", "Barquettes", 46.0),
    ("Mobilier", "Caisson", 170.0),
    ("Mobilier", "Étagère", 185.0),
    ("Mobilier", "Chaise ergo", 245.0),
    ("Mobilier", "Bureau 160 cm", 390.0),
    ("Mobilier", "Armoire métal", 460.0),
    ("Mobilier", "Table inox", 520.0),
    ("Formation", "Formation SST", 210.0),
    ("Formation", "Formation matériel", 340.0),
    ("Formation", "Formation HACCP", 590.0),
    ("Formation", "Formation sécurité", 650.0),
    ("Formation", "Habilitation élec.", 720.0),
]
PRICE_GROWTH = 0.025  # yearly list-price increase

# Sectors (NAF-like labels): share of B2B customers, name prefixes, family affinity
# (same order as FAMILIES).
SECTORS = {
    "Restauration": (0.16, ("Restaurant", "Brasserie", "Bistrot", "Pizzeria", "Traiteur",
                            "Crêperie"), (1.0, 1.2, 0.8, 0.8, 1.5, 1.3, 0.5, 0.6)),
    "Hôtellerie": (0.06, ("Hôtel", "Auberge", "Résidence"),
                   (1.0, 0.8, 0.8, 0.6, 1.5, 0.4, 1.2, 0.5)),
    "Commerce de détail": (0.17, ("Boulangerie", "Boucherie", "Fromagerie", "Épicerie",
                                  "Librairie", "Quincaillerie", "Optique", "Cave", "Pressing"),
                           (1.3, 0.9, 0.5, 0.5, 1.0, 1.5, 0.6, 0.3)),
    "BTP": (0.14, ("Maçonnerie", "Menuiserie", "Plomberie", "Électricité", "Charpente",
                   "Couverture", "Terrassement"), (1.2, 1.5, 0.7, 1.0, 0.5, 0.4, 0.3, 1.0)),
    "Industrie": (0.12, ("Mécanique", "Usinage", "Plasturgie", "Chaudronnerie", "Imprimerie",
                         "Décolletage", "Textiles"), (1.0, 1.3, 1.3, 1.5, 0.7, 1.0, 0.5, 0.9)),
    "Santé": (0.10, ("Pharmacie", "Clinique", "Cabinet médical", "Laboratoire",
                     "Centre dentaire", "Clinique vétérinaire"),
              (1.2, 0.8, 0.9, 0.5, 1.4, 0.5, 0.8, 0.7)),
    "Transport et logistique": (0.07, ("Transports", "Logistique", "Ambulances",
                                       "Déménagements"), (0.9, 0.8, 1.2, 1.3, 0.6, 1.4, 0.3, 0.9)),
    "Services aux entreprises": (0.09, ("Cabinet", "Nettoyage", "Sécurité", "Informatique",
                                        "Expertise comptable"),
                                 (1.4, 0.8, 0.6, 0.4, 0.9, 0.3, 1.3, 0.8)),
    "Commerce et réparation automobile": (0.06, ("Garage", "Carrosserie", "Contrôle technique"),
                                          (1.0, 1.3, 1.0, 1.5, 0.7, 0.3, 0.3, 0.5)),
    "Enseignement": (0.03, ("École", "Collège privé", "Centre de formation"),
                     (1.4, 0.7, 0.5, 0.3, 1.0, 0.2, 1.5, 0.4)),
}
B2C_SECTOR = "Particulier"
SIZES = ("1-9", "10-49", "50-249", "250+")
PROSPECT_STATUSES = ("suspect", "cold prospect", "warm prospect", "hot prospect")
CHANNELS = ("visite", "téléphone", "e-mail", "publipostage", "salon")
PAYMENT_METHODS = ("virement", "chèque", "LCR", "prélèvement")

_SURNAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
    "Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier "
    "Dupont Lambert Bonnet François Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry "
    "Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier "
    "Robin Masson Boyer Denis Lemaire Duval Joly Roger Roche Roy Noël Meyer Lucas Meunier "
    "Marchand Dufour Blanchard Barbier Brun Dumas Brunet Schmitt Colin Renard Arnaud Rolland "
    "Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Lacroix Fabre "
    "Dupuis Olivier Hubert Guillot Rivière Guillaume Adam Rey Moulin Berger Lecomte Ménard "
    "Fleury Deschamps Carpentier Benoît Maillard Aubry Jacquet Collet Prévost Poirier Royer "
    "Huet Baron Dupuy Pons Carré Rémy Perrot Guyot Barre Marty Chabert Vial Jacquier Michaud "
    "Bouvier Ducret Mollard Bonnaz Pellet Reynaud Chapuis Favre Brunier Buisson Gros Blanchet "
    "Jacquemet Vuillermoz Cartier Dumollard Bouchet Guichard Chaix Rostaing Pinet Tardy "
    "Berthet Gonin Chatelard Veyret Rivoire Charvet Forestier Jullien Coste Bouvard"
).split()
_FIRST_NAMES = (
    "Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Stéphane Sébastien Marie "
    "Nathalie Isabelle Sylvie Catherine Sophie Valérie Céline Sandrine Émilie Julie Camille "
    "Thomas Antoine Hugo Léa Manon Chloé Lucas Maxime"
).split()
_PLACES = (
    "du Centre", "de la Gare", "des Alpes", "du Lac", "du Rhône", "de la Place", "du Marché",
    "des Halles", "du Pilat", "de Belledonne", "du Vercors", "de la Dombes", "du Beaujolais",
    "de Chartreuse", "du Bugey", "de la Saône", "du Forez", "de l'Isère", "de Savoie",
    "du Parc", "des Remparts", "de la Bresse", "du Dauphiné", "des Cimes", "du Pont",
    "de l'Église", "des Tilleuls", "du Château", "de la Fontaine", "des Vignes",
)
_STREETS = (
    "rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "rue Pasteur",
    "rue de la Gare", "place de l'Église", "rue du Stade", "boulevard Gambetta",
    "avenue du Général de Gaulle", "rue des Lilas", "chemin des Vignes", "route de Lyon",
    "rue de l'Industrie", "avenue des Frères Lumière", "rue du Commerce", "rue Émile Zola",
    "rue Jean Moulin", "rue des Écoles", "impasse des Artisans", "allée des Platanes",
    "rue Carnot", "route nationale", "rue du Moulin", "zone artisanale des Prés",
    "rue Ampère", "avenue de la Libération", "rue Voltaire", "chemin de la Croix",
    "rue de la Poste", "quai du Rhône",
)
_WEBMAILS = ("orange.fr", "wanadoo.fr", "gmail.com", "free.fr", "sfr.fr", "laposte.net")
# Large towns where businesses cluster (communes.csv names); weight relative to a village.
_HUBS = {
    "Lyon": 45, "Villeurbanne": 40, "Grenoble": 40, "Saint-Étienne": 35, "Chambéry": 30,
    "Bourg-en-Bresse": 30, "Vénissieux": 20, "Vienne": 18, "Roanne": 20,
    "Villefranche-sur-Saône": 18, "Voiron": 14, "Bourgoin-Jallieu": 15, "Aix-les-Bains": 14,
    "Oyonnax": 12, "Échirolles": 15, "Saint-Priest": 15, "Caluire-et-Cuire": 12, "Bron": 12,
    "Vaulx-en-Velin": 12, "Albertville": 10, "Montbrison": 9, "Saint-Chamond": 10,
    "Firminy": 7, "Meyzieu": 9, "Rillieux-la-Pape": 9, "Saint-Martin-d'Hères": 12,
    "Ambérieu-en-Bugey": 8, "Décines-Charpieu": 9, "Oullins": 8, "Meylan": 8, "Fontaine": 8,
    "Rive-de-Gier": 6, "Tarare": 5, "Givors": 6, "Saint-Genis-Laval": 6, "Écully": 6,
    "Villefontaine": 6, "Saint-Jean-de-Maurienne": 5, "Belley": 5, "Gex": 4,
    "Ferney-Voltaire": 4, "La Motte-Servolex": 5, "Crolles": 5, "Saint-Égrève": 5,
    "Limonest": 5, "Corbas": 6, "Chassieu": 6, "Genas": 5, "Brignais": 5,
    "L'Isle-d'Abeau": 5, "Andrézieux-Bouthéon": 6, "Feurs": 4,
}
# Phone area pairs after "04" by département.
_PHONE_AREA = {"01": (74,), "38": (76, 74), "42": (77,), "69": (72, 78), "73": (79,)}
# Monthly seasonality (January..December): low August, high Q4.
_SEASON = np.array([0.92, 0.95, 1.05, 1.0, 0.97, 1.05, 0.85, 0.45, 1.05, 1.15, 1.2, 1.31])
_SEASON = _SEASON / _SEASON.mean()
# Trajectory shares of customers.
_TRAJECTORIES = ("stable", "growing", "declining", "lost", "new")
_TRAJECTORY_P = (0.40, 0.20, 0.15, 0.12, 0.13)

# Revenue level law: median * exp(sigma * z + boost * max(z - z0, 0)).
_LEVEL_MEDIAN = 6000.0
_LEVEL_SIGMA = 0.72
_LEVEL_BOOST = 1.1
_LEVEL_Z0 = 1.05

_OUTCOMES = {
    "visite": ("commande passée", "devis à envoyer", "présentation des nouveautés",
               "point sur les besoins", "rendez-vous de suivi fixé",
               "client absent - à reprogrammer", "démonstration réalisée"),
    "téléphone": ("commande passée", "relance devis", "message laissé", "rendez-vous fixé",
                  "pas de besoin actuellement", "demande de documentation",
                  "rappeler dans 3 mois"),
    "e-mail": ("devis envoyé", "documentation envoyée", "confirmation de commande",
               "relance sans réponse", "réponse à une question technique"),
    "salon": ("rencontre sur le stand", "démonstration produit", "carte de visite échangée",
              "rendez-vous pris"),
}
_COMPLAINTS = ("réclamation : livraison en retard", "réclamation : produit défectueux",
               "réclamation : erreur de facturation", "réclamation : intervention non conforme",
               "réclamation : colis incomplet")
_WINBACK = "relance client inactif"


# ----------------------------------------------------------------------------- helpers


def _strip_accents(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c))


def _slug(text: str) -> str:
    s = _strip_accents(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _luhn_check_digit(digits: np.ndarray) -> np.ndarray:
    """Luhn check digit to append to each row of a (n, k) digit matrix."""
    k = digits.shape[1]
    doubled = (k - 1 - np.arange(k)) % 2 == 0  # rightmost payload digit is doubled
    d = digits.astype(np.int64)
    d[:, doubled] *= 2
    d = np.where(d > 9, d - 9, d)
    return (10 - d.sum(axis=1) % 10) % 10


def siret_is_valid(siret: object) -> bool:
    """True when ``siret`` is 14 digits passing the Luhn check.

    >>> siret_is_valid("73282932000074"), siret_is_valid("73282932000075")
    (True, False)
    """
    s = str(siret) if siret is not None else ""
    if not re.fullmatch(r"\d{14}", s):
        return False
    total = 0
    for i, ch in enumerate(reversed(s)):
        v = int(ch) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


def _sirets(rng: np.random.Generator, n: int) -> np.ndarray:
    """n SIRET numbers: Luhn-valid SIREN (9 digits) + NIC (5 digits), Luhn-valid on 14."""
    payload = rng.integers(0, 10, size=(n, 8))
    payload[:, 0] = rng.integers(3, 10, size=n)
    siren = np.column_stack([payload, _luhn_check_digit(payload)])
    nic = np.zeros((n, 4), dtype=np.int64)
    nic[:, 3] = rng.choice([1, 1, 1, 2, 3], size=n)
    nic[:, 2] = rng.choice([0, 0, 0, 1, 2], size=n)
    body = np.column_stack([siren, nic])
    digits = np.column_stack([body, _luhn_check_digit(body)])
    return np.array(["".join(map(str, row)) for row in digits], dtype=object)


def _month_grid(end: pd.Timestamp, months: int):
    """Month starts (days since epoch) of the window, with the exclusive end appended."""
    first = (end.to_period("M") - (months - 1)).to_timestamp()
    starts = pd.date_range(first, periods=months, freq="MS")
    days = starts.values.astype("datetime64[D]").astype(np.int64)
    end_day = int(np.datetime64(end.date(), "D").astype(np.int64))
    bounds = np.append(days, end_day + 1)
    return bounds, starts.month.to_numpy() - 1, end_day


def _weekday(days: np.ndarray, lo, hi) -> np.ndarray:
    """Move week-end days to the nearest working day inside [lo, hi]."""
    wd = (days + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    out = np.where(wd == 5, days - 1, np.where(wd == 6, days + 1, days))
    out = np.where(out > hi, out - 3, out)
    out = np.where(out < lo, out + 3, out)
    return np.clip(out, lo, hi)


def _uniform_days(rng, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """One random day in each [lo, hi] (inclusive), moved to a working day."""
    span = np.maximum(hi - lo + 1, 1)
    d = lo + np.floor(rng.random(len(lo)) * span).astype(np.int64)
    return _weekday(d, lo, hi)


def _pick(rng, options, size, p=None) -> np.ndarray:
    idx = rng.choice(len(options), size=size, p=p)
    return np.asarray(options, dtype=object)[idx]


def _round_to(x: np.ndarray, step: float) -> np.ndarray:
    return np.round(x / step) * step


def _nearest_reps(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Rep indices sorted by distance from each point (equirectangular, fine at this scale)."""
    blat = np.array([r["latitude"] for r in REPS])
    blon = np.array([r["longitude"] for r in REPS])
    dx = (lon[:, None] - blon[None, :]) * np.cos(np.radians(45.5))
    dy = lat[:, None] - blat[None, :]
    return np.argsort(dx * dx + dy * dy, axis=1)


def load_communes(path: str | Path | None = None) -> pd.DataFrame:
    """The communes the demo draws addresses from (GeoNames postal data, CC BY 4.0).

    Returns a frame with postal_code, city, department (strings) and latitude,
    longitude (floats).

    >>> c = load_communes()
    >>> c.loc[c["city"] == "Chambéry", "postal_code"].iloc[0]
    '73000'
    """
    path = Path(path) if path is not None else COMMUNES_FILE
    if not path.exists():
        raise ValueError(f"the communes file {path} is missing: restore sample_data/communes.csv")
    return pd.read_csv(
        path, dtype={"postal_code": str, "city": str, "department": str},
        keep_default_na=False,
    )


# ------------------------------------------------------------------- customer profiles


def _levels(rng, n: int) -> np.ndarray:
    """Annual revenue levels: stratified log-normal quantiles with a heavier top decile."""
    u = (rng.permutation(n) + 0.5) / max(n, 1)
    z = ndtri(np.clip(u, 1e-9, 1 - 1e-9))
    return _LEVEL_MEDIAN * np.exp(_LEVEL_SIGMA * z + _LEVEL_BOOST * np.maximum(z - _LEVEL_Z0, 0))


def _profiles(rng, n: int, months: int, plant: bool) -> dict:
    """Economic profile of each customer: level, trajectory, active months, sector..."""
    level = _levels(rng, n)
    pct = np.argsort(np.argsort(level)) / max(n - 1, 1)  # 0 = smallest, 1 = largest
    traj = rng.choice(len(_TRAJECTORIES), size=n, p=_TRAJECTORY_P)
    # the largest accounts are long-standing: neither new nor lost
    top = pct > 0.95
    traj[top] = rng.choice(3, size=int(top.sum()), p=[0.55, 0.25, 0.20])
    start = np.zeros(n, dtype=np.int64)
    stop = np.full(n, months, dtype=np.int64)
    slope = np.zeros(n)
    # stable / growing / declining: slope per year, anchored on the last month
    slope = np.where(traj == 0, rng.normal(0, 0.05, n), slope)
    slope = np.where(traj == 1, rng.uniform(0.15, 0.45, n), slope)
    slope = np.where(traj == 2, -rng.uniform(0.15, 0.45, n), slope)
    slope = np.where(traj == 3, -rng.uniform(0.0, 0.3, n), slope)
    # some stable / growing customers were won inside the window (more than 12 months ago)
    late_start = (traj <= 1) & (rng.random(n) < 0.15) & (months > 14)
    start = np.where(late_start, rng.integers(1, max(months - 13, 2), n), start)
    lost_k = rng.integers(6, min(18, months - 1) + 1, n)
    stop = np.where(traj == 3, months - lost_k, stop)
    new_k = rng.integers(1, min(12, months - 1) + 1, n)
    start = np.where(traj == 4, months - new_k, start)

    b2c = (rng.random(n) < 0.03) & (pct < 0.5)
    sector_names = list(SECTORS)
    sector_p = np.array([SECTORS[s][0] for s in sector_names])
    sector = rng.choice(len(sector_names), size=n, p=sector_p / sector_p.sum())
    sector = np.where(b2c, -1, sector)
    size_score = pct + rng.normal(0, 0.1, n)
    size = np.digitize(size_score, [0.5, 0.85, 0.97])
    planted: dict = {}
    if plant:
        # duplicates: a small account opened later for an existing mid-size customer
        cand_orig = np.flatnonzero((start == 0) & (traj <= 1) & (pct > 0.3) & (pct < 0.9) & ~b2c)
        orig = rng.choice(cand_orig, size=8, replace=False)
        cand_dup = np.setdiff1d(np.flatnonzero((pct < 0.5) & ~b2c & (traj != 4)), orig)
        dup = rng.choice(cand_dup, size=8, replace=False)
        traj[dup] = np.where(np.arange(8) % 2 == 0, 3, 0)
        start[dup] = rng.integers(3, months - 20, 8)
        stop[dup] = np.where(traj[dup] == 3, months - rng.integers(6, 12, 8), months)
        slope[dup] = 0.0
        sector[dup] = sector[orig]
        size[dup] = size[orig]
        planted["duplicates"] = list(zip(orig.tolist(), dup.tolist()))
    return {"level": level, "pct": pct, "traj": traj, "start": start, "stop": stop,
            "slope": slope, "b2c": b2c, "sector": sector, "size": size, "planted": planted}


def _multipliers(prof: dict, months: int) -> np.ndarray:
    """(n, months) activity multiplier: 1 = the customer's level, 0 = not buying."""
    t = np.arange(months)[None, :]
    start = prof["start"][:, None]
    stop = prof["stop"][:, None]
    anchor = np.where(prof["traj"] == 3, prof["stop"] - 1, months - 1)[:, None]
    m = np.exp(prof["slope"][:, None] * (t - anchor) / 12.0)
    m = np.where((t >= start) & (t < stop), m, 0.0)
    m = np.where((prof["traj"][:, None] == 4) & (t == start), 0.7 * m, m)
    return m


# ----------------------------------------------------------------------- transactions


def _transactions(rng, prof: dict, bounds, cal_month, end_day, lines_per_customer):
    """Sales lines (vectorised). Returns a dict of arrays plus invoice-level arrays."""
    n = len(prof["level"])
    months = len(cal_month)
    rel = prof["level"] / _LEVEL_MEDIAN
    freq = np.sqrt(rel)
    lines_per_inv = np.clip(1 + 2.0 * rel**0.15, 1.5, 7.0)
    m = _multipliers(prof, months) * _SEASON[cal_month][None, :]
    expected = (freq * lines_per_inv * m.sum(axis=1)).sum()
    c1 = n * lines_per_customer / max(expected, 1e-9)
    counts = rng.poisson(c1 * freq[:, None] * m)
    # the first month of a customer won inside the window and the last month of a lost
    # customer hold at least one invoice, so first / last purchase dates are as designed
    late = np.flatnonzero(prof["start"] > 0)
    counts[late, prof["start"][late]] = np.maximum(counts[late, prof["start"][late]], 1)
    lost = np.flatnonzero(prof["traj"] == 3)
    counts[lost, prof["stop"][lost] - 1] = np.maximum(counts[lost, prof["stop"][lost] - 1], 1)
    # a customer has bought at least once: one invoice in a random active month if none
    idle = np.flatnonzero(counts.sum(axis=1) == 0)
    span = prof["stop"][idle] - prof["start"][idle]
    counts[idle, prof["start"][idle] + np.floor(rng.random(len(idle)) * span).astype(int)] = 1

    # invoices
    flat = counts.ravel()
    inv_cell = np.repeat(np.arange(flat.size), flat)
    inv_cust = inv_cell // months
    inv_month = inv_cell % months
    lo = bounds[inv_month]
    hi = bounds[inv_month + 1] - 1
    inv_date = _uniform_days(rng, lo, hi)
    n_inv = len(inv_cust)
    inv_lines = 1 + rng.poisson(lines_per_inv[inv_cust] - 1)

    # lines
    line_inv = np.repeat(np.arange(n_inv), inv_lines)
    cust = inv_cust[line_inv]
    date = inv_date[line_inv]
    nl = len(line_inv)

    # family mix per customer: sector affinity, number of families held grows with size
    fam_names = list(FAMILIES)
    nf = len(fam_names)
    affinity = np.array([SECTORS[s][2] for s in SECTORS] + [(1.0,) * nf])
    g = rng.gamma(2.0 * affinity[prof["sector"]], 1.0)
    held = np.clip(1 + rng.binomial(nf - 1, 0.15 + 0.6 * prof["pct"]), 1, nf)
    rank = np.argsort(np.argsort(-g, axis=1), axis=1)
    prefs = np.where(rank < held[:, None], g, 0.0)
    prefs /= prefs.sum(axis=1, keepdims=True)
    cum = np.cumsum(prefs, axis=1)
    cum[:, -1] = 1.0
    u = rng.random(nl)
    family = np.zeros(nl, dtype=np.int8)
    for f in range(nf - 1):  # loop over 8 families, vectorised over lines
        family += (u > cum[cust, f]).astype(np.int8)
    norm = prefs @ _FAMILY_LINE_SIZE
    # expected line amount so that expected yearly revenue = level
    line_base = prof["level"] / 12.0 / (c1 * freq * lines_per_inv) / norm
    sigma = 0.6
    target = (line_base[cust] * _FAMILY_LINE_SIZE[family]
              * np.exp(sigma * rng.standard_normal(nl) - sigma**2 / 2))

    # product: uniform among the family's products whose list price <= target
    cat_fam = np.array([fam_names.index(f) for f, _, _ in CATALOGUE])
    cat_price = np.array([p for _, _, p in CATALOGUE])
    cat_rate = np.array([FAMILIES[f] for f, _, _ in CATALOGUE])
    cat_rate = cat_rate + 0.02 * ((np.arange(len(CATALOGUE)) % 5) - 2)
    fam_first = np.searchsorted(cat_fam, np.arange(nf))
    fam_count = np.bincount(cat_fam, minlength=nf)
    key = cat_fam * 100.0 + np.log10(cat_price)
    affordable = np.searchsorted(key, family * 100.0 + np.log10(np.maximum(target, 1e-3)),
                                 side="right") - fam_first[family]
    affordable = np.clip(affordable, 1, fam_count[family])
    product = fam_first[family] + np.floor(rng.random(nl) * affordable).astype(np.int64)

    discount = np.clip(0.02 + 0.03 * np.log10(rel) + rng.normal(0, 0.015, n), 0.0, 0.12)
    years = (date - bounds[0]) / 365.25
    price = cat_price[product] * (1 + PRICE_GROWTH) ** years
    net_price = price * (1 - discount[cust])
    quantity = np.maximum(np.round(target / net_price), 1.0)
    amount = np.round(quantity * net_price, 2)
    margin = np.round(amount - quantity * price * (1 - cat_rate[product]), 2)

    inv_total = np.bincount(line_inv, weights=amount, minlength=n_inv)

    # credit notes: a partial or full return of ~0.5 % of lines, 3-40 days later
    pick = np.flatnonzero(rng.random(nl) < 0.005)
    cn_date = date[pick] + rng.integers(3, 41, len(pick))
    keep = cn_date <= end_day
    pick, cn_date = pick[keep], _weekday(cn_date[keep], bounds[0], end_day)
    cn_qty = -np.maximum(np.floor(quantity[pick] * rng.uniform(0.2, 1.0, len(pick))), 1.0)
    cn_amount = np.round(cn_qty * amount[pick] / quantity[pick], 2)
    cn_margin = np.round(cn_qty * margin[pick] / quantity[pick], 2)
    return {
        "n_inv": n_inv, "inv_cust": inv_cust, "inv_date": inv_date, "inv_total": inv_total,
        "line_inv": line_inv, "cust": cust, "date": date, "product": product,
        "family": family, "quantity": quantity, "amount": amount, "margin": margin,
        "cn_line": pick, "cn_date": cn_date, "cn_qty": cn_qty, "cn_amount": cn_amount,
        "cn_margin": cn_margin, "cat_fam": cat_fam,
    }


def _invoice_ids(prefix: str, dates: np.ndarray, cust: np.ndarray) -> tuple[np.ndarray, pa.Array]:
    """Sequential ids in date order: returns (rank of each invoice, id strings by rank)."""
    order = np.lexsort((cust, dates))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    width = max(5, len(str(len(order))))
    nums = pa.array(np.arange(1, len(order) + 1))
    ids = pc.binary_join_element_wise(
        prefix, pc.utf8_lpad(pc.cast(nums, pa.string()), width, "0"), "")
    return rank, ids


# --------------------------------------------------------------------------- identity


def _names(rng, sector: np.ndarray, size: np.ndarray, b2c: np.ndarray, unique: bool):
    """Company names ('Boulangerie Martin SARL'), person names for B2C; base name too."""
    n = len(sector)
    sector_names = list(SECTORS)
    base = np.empty(n, dtype=object)
    forms = np.empty(n, dtype=object)
    form_p = {0: (["SARL", "EURL", "SAS", ""], [0.45, 0.25, 0.25, 0.05]),
              1: (["SARL", "SAS", "SA", ""], [0.45, 0.45, 0.05, 0.05]),
              2: (["SAS", "SA", "SARL"], [0.6, 0.3, 0.1]),
              3: (["SA", "SAS"], [0.5, 0.5])}

    def draw(idx):
        k = len(idx)
        pattern = rng.random(k)
        sur = _pick(rng, _SURNAMES, k)
        out = np.empty(k, dtype=object)
        for j, i in enumerate(idx):
            if b2c[i]:
                out[j] = f"{_FIRST_NAMES[rng.integers(len(_FIRST_NAMES))]} {sur[j]}"
                continue
            prefixes = SECTORS[sector_names[sector[i]]][1]
            pre = prefixes[rng.integers(len(prefixes))]
            if pattern[j] < 0.62:
                out[j] = f"{pre} {sur[j]}"
            elif pattern[j] < 0.85:
                out[j] = f"{pre} {_PLACES[rng.integers(len(_PLACES))]}"
            elif pattern[j] < 0.93:
                out[j] = f"{sur[j]} & Fils"
            else:
                out[j] = f"Ets {sur[j]}"
        return out

    base[:] = draw(np.arange(n))
    if unique:
        for _ in range(50):
            key = pd.Series(base).map(lambda s: _strip_accents(s).lower())
            clash = np.flatnonzero(key.duplicated().to_numpy())
            if len(clash) == 0:
                break
            base[clash] = draw(clash)
    for s in range(4):
        idx = np.flatnonzero((size == s) & ~b2c)
        opts, p = form_p[s]
        forms[idx] = _pick(rng, opts, len(idx), p)
    forms[b2c] = ""
    full = np.array([f"{b} {f}" if f else b for b, f in zip(base, forms)], dtype=object)
    return full, base


def _identity(rng, n: int, prof_like: dict, communes: pd.DataFrame, created: np.ndarray,
              unique: bool) -> dict:
    """Identity columns for n entities (customers or prospects), not yet ordered."""
    sector, size, b2c = prof_like["sector"], prof_like["size"], prof_like["b2c"]
    name, base = _names(rng, sector, size, b2c, unique)
    weights = communes["city"].map(_HUBS).fillna(1.0).to_numpy()
    ci = rng.choice(len(communes), size=n, p=weights / weights.sum())
    com = communes.iloc[ci]
    lat = np.round(com["latitude"].to_numpy() + rng.normal(0, 0.004, n), 5)
    lon = np.round(com["longitude"].to_numpy() + rng.normal(0, 0.005, n), 5)
    dep = com["department"].to_numpy()
    near = _nearest_reps(lat, lon)
    rep_idx = np.where(rng.random(n) < 0.88, near[:, 0], near[:, 1])
    rep_names = np.array([r["name"] for r in REPS], dtype=object)
    num = rng.integers(1, 150, n)
    street = _pick(rng, _STREETS, n)
    address = np.array([f"{a} {s}" for a, s in zip(num, street)], dtype=object)

    # e-mail: company domain, webmail for some small firms and all B2C; ~5 % missing
    slugs = [_slug(b) for b in base]
    local = _pick(rng, ("contact", "compta", "info", "commandes", "accueil"), n)
    webmail = _pick(rng, _WEBMAILS, n)
    use_web = b2c | ((size == 0) & (rng.random(n) < 0.35))
    tld = np.where(rng.random(n) < 0.8, "fr", "com")
    email = np.array([
        (f"{s.replace('-', '.')}@{w}" if web else f"{lo}@{s}.{t}")
        for s, w, web, lo, t in zip(slugs, webmail, use_web, local, tld)], dtype=object)
    email[rng.random(n) < 0.05] = None

    # phone: 04 + area of the département, mobile for some small firms and B2C; ~4 % missing
    digits = rng.integers(0, 100, size=(n, 3))
    area = np.array([_PHONE_AREA.get(d, (72,))[k % len(_PHONE_AREA.get(d, (72,)))]
                     for d, k in zip(dep, rng.integers(0, 2, n))])
    mobile = b2c | ((size == 0) & (rng.random(n) < 0.25))
    mob_pre = rng.choice(["06", "07"], size=n)
    mob_area = rng.integers(10, 100, n)
    phone = np.array([
        (f"{mp} {ma:02d}" if mo else f"04 {ar:02d}") + " {:02d} {:02d} {:02d}".format(*dg)
        for mp, ma, mo, ar, dg in zip(mob_pre, mob_area, mobile, area, digits)], dtype=object)
    phone[rng.random(n) < 0.04] = None

    siret = _sirets(rng, n)
    siret[b2c] = None
    sector_names = np.array(list(SECTORS) + [B2C_SECTOR], dtype=object)
    size_lab = np.array(SIZES, dtype=object)[size]
    size_lab[b2c] = None
    return {
        "name": name, "base": base, "kind": np.where(b2c, "B2C", "B2B").astype(object),
        "sector": sector_names[sector], "size": size_lab, "address": address,
        "postal_code": com["postal_code"].to_numpy(dtype=object),
        "city": com["city"].to_numpy(dtype=object), "country": np.full(n, "FR", dtype=object),
        "latitude": lat, "longitude": lon, "sales_rep": rep_names[rep_idx], "rep_idx": rep_idx,
        "created": created, "siret": siret, "email": email, "phone": phone,
        "department": dep,
    }


_DUP_NAME_VARIANTS = (
    lambda b, f: _strip_accents(b).upper(),                       # BOULANGERIE MARTIN
    lambda b, f: f"{_strip_accents(b)} {f}".strip(),              # accents lost
    lambda b, f: f"Ets {b}" if not b.startswith("Ets") else b.upper(),
    lambda b, f: f"{b} {'.'.join(f)}." if f else b.lower(),       # S.A.R.L.
    lambda b, f: _typo(b) + (f" {f}" if f else ""),               # one letter dropped
    lambda b, f: b.lower().title() + (f" ({f})" if f else ""),
    lambda b, f: f"{b} - {f}" if f else f"{b} (Sté)",
    lambda b, f: re.sub(r"\s+", "  ", b) + (f" {f.lower()}" if f else ""),
)


def _typo(text: str) -> str:
    words = text.split(" ")
    j = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[j]
    if len(w) > 4:
        k = len(w) // 2
        words[j] = w[:k] + w[k + 1:] if w[k] != w[k - 1] else w[:k] + w[k] + w[k:]
    return " ".join(words)


def _address_variant(a: str, k: int) -> str:
    if k % 3 == 0:
        return _strip_accents(a).upper()
    if k % 3 == 1:
        num, _, rest = a.partition(" ")
        rest = (rest.replace("rue ", "r. ").replace("avenue ", "av. ")
                .replace("boulevard ", "bd ").replace("route ", "rte "))
        return f"{num}, {rest}"
    return a


def _phone_variant(p, k: int):
    if p is None:
        return None
    if k % 2 == 0:
        return p.replace(" ", "")
    return "+33 " + p[1:]


# ----------------------------------------------------------------------------- build


def _build(n_customers: int, n_prospects: int, months: int, end, seed: int,
           lines_per_customer: float) -> tuple[dict[str, pa.Table], dict]:
    """Generate the four tables as Arrow tables (canonical columns) and the meta dict."""
    _check_args(n_customers, n_prospects, months, end, seed, lines_per_customer)
    rng = np.random.default_rng(seed)
    end_ts = pd.Timestamp(end).normalize()
    bounds, cal_month, end_day = _month_grid(end_ts, months)
    communes = load_communes()
    n = n_customers
    plant = n >= 100 and months >= 24
    prof = _profiles(rng, n, months, plant)
    tx = _transactions(rng, prof, bounds, cal_month, end_day, lines_per_customer)

    # customer creation dates: before the window, or shortly before their first month
    window_start = bounds[0]
    old = rng.integers(np.datetime64("2006-01-02", "D").astype(np.int64), window_start - 30, n)
    recent = bounds[prof["start"]] - rng.integers(15, 121, n)
    created_c = np.where(prof["start"] > 0, recent, old)
    # prospects
    npp = n_prospects
    p_level = _levels(rng, npp) * 0.9 if npp else np.zeros(0)
    p_pct = np.argsort(np.argsort(p_level)) / max(npp - 1, 1)
    p_status = rng.choice(4, size=npp, p=[0.25, 0.35, 0.25, 0.15])
    sector_p = np.array([v[0] for v in SECTORS.values()])
    p_prof = {"sector": rng.choice(len(SECTORS), size=npp, p=sector_p / sector_p.sum()),
              "size": np.digitize(p_pct + rng.normal(0, 0.1, npp), [0.5, 0.85, 0.97]),
              "b2c": np.zeros(npp, dtype=bool)}
    created_p = rng.integers(end_day - 3 * 365, end_day - 30, npp) if npp else np.zeros(0, int)

    # identities of customers and prospects drawn together so names are unique overall
    both = {k: np.concatenate([prof[k], p_prof[k]]) for k in ("sector", "size", "b2c")}
    ident = _identity(rng, n + npp, both, communes, np.concatenate([created_c, created_p]),
                      unique=(n + npp) <= 5000)

    # ids in order of creation
    c_order = np.lexsort((np.arange(n), created_c))
    c_rank = np.empty(n, dtype=np.int64)
    c_rank[c_order] = np.arange(n)
    p_order = np.lexsort((np.arange(npp), created_p))
    p_rank = np.empty(npp, dtype=np.int64)
    p_rank[p_order] = np.arange(npp)
    wc = max(5, len(str(n)))
    wp = max(5, len(str(npp)))
    c_ids = np.array([f"C{k + 1:0{wc}d}" for k in range(n)], dtype=object)[c_rank]
    p_ids = np.array([f"P{k + 1:0{wp}d}" for k in range(npp)], dtype=object)[p_rank]
    ids = np.concatenate([c_ids, p_ids])

    # money columns
    level = prof["level"]
    peak = level * np.max(_multipliers(prof, months), axis=1, initial=0.0)
    ratio = np.where(rng.random(n) < 0.9, rng.uniform(1.1, 3.5, n), rng.uniform(0.6, 1.0, n))
    potential_c = _round_to(np.maximum(peak, level * 0.5) * ratio, 100.0)
    potential_p = _round_to(p_level * rng.uniform(1.0, 3.0, npp), 100.0)
    terms_c = rng.choice([30.0, 45.0, 60.0], size=n, p=[0.5, 0.3, 0.2])
    credit_c = np.maximum(_round_to(level / 12 * (terms_c / 30 + 1) * 1.2
                                    * rng.uniform(0.7, 1.6, n), 500.0), 1500.0)
    acq_c = _round_to(900.0 * (level / _LEVEL_MEDIAN) ** 0.3 * rng.lognormal(0, 0.3, n), 10.0)

    status = np.concatenate([np.full(n, "customer", dtype=object),
                             np.array(PROSPECT_STATUSES, dtype=object)[p_status]])
    cust = {
        "customer_id": ids, "name": ident["name"].copy(), "kind": ident["kind"],
        "status": status, "sector": ident["sector"], "size": ident["size"],
        "address": ident["address"].copy(), "postal_code": ident["postal_code"].copy(),
        "city": ident["city"].copy(), "country": ident["country"],
        "latitude": ident["latitude"].copy(), "longitude": ident["longitude"].copy(),
        "sales_rep": ident["sales_rep"].copy(),
        "created": np.concatenate([created_c, created_p]),
        "potential": np.concatenate([potential_c, potential_p]),
        "credit_limit": np.concatenate([credit_c, np.full(npp, np.nan)]),
        "payment_terms_days": np.concatenate([terms_c, np.full(npp, 30.0)]),
        "acquisition_cost": np.concatenate([acq_c, np.full(npp, np.nan)]),
        "siret": ident["siret"].copy(), "email": ident["email"].copy(),
        "phone": ident["phone"].copy(),
    }
    planted: dict = {}
    if plant:
        planted = _plant_customer_defects(rng, prof, cust, ident, ids, communes)

    tables = {
        "transactions": _transactions_table(tx, c_ids, bounds),
        "customers": None,
        "contacts": None,
        "receivables": None,
    }
    contacts, more = _contacts(rng, prof, p_status, created_p, cust, ident, c_ids, p_ids,
                               tx, bounds, end_day, plant)
    planted.update(more)
    receivables, more = _receivables(rng, prof, tx, cust, c_ids, terms_c, bounds, end_ts,
                                     end_day, plant)
    planted.update(more)

    order = np.argsort(ids, kind="stable")
    cust_arrays = {k: v[order] for k, v in cust.items()}
    tables["customers"] = _arrow("customers", cust_arrays)
    tables["contacts"] = contacts
    tables["receivables"] = receivables
    meta = {
        "name": "demo", "source": "core.sample", "seed": seed, "end": str(end_ts.date()),
        "months": months, "planted": planted,
    }
    return tables, meta


def _plant_customer_defects(rng, prof, cust, ident, ids, communes) -> dict:
    """Near-duplicates and a few content defects; returns their customer ids."""
    dup_pairs = []
    for k, (o, d) in enumerate(prof["planted"]["duplicates"]):
        base = ident["base"][o]
        form = cust["name"][o][len(base):].strip()
        variant = _DUP_NAME_VARIANTS[k % len(_DUP_NAME_VARIANTS)](base, form)
        if variant == cust["name"][o]:
            variant = _strip_accents(cust["name"][o]).upper()
        cust["name"][d] = variant
        cust["address"][d] = _address_variant(cust["address"][o], k)
        for col in ("postal_code", "city", "sales_rep"):
            cust[col][d] = cust[col][o]
        if k == 5:
            cust["city"][d] = _strip_accents(cust["city"][o]).upper()
        cust["latitude"][d] = np.round(cust["latitude"][o] + rng.normal(0, 0.0005), 5)
        cust["longitude"][d] = np.round(cust["longitude"][o] + rng.normal(0, 0.0005), 5)
        cust["siret"][d] = cust["siret"][o] if k % 2 == 0 else None
        cust["email"][d] = cust["email"][o] if k % 3 != 2 else None
        cust["phone"][d] = _phone_variant(cust["phone"][o], k)
        dup_pairs.append((ids[o], ids[d]))

    n = len(prof["level"])
    taken = {i for pair in prof["planted"]["duplicates"] for i in pair}
    pool = np.array([i for i in rng.permutation(n) if i not in taken and not prof["b2c"][i]])
    bad_email_idx, bad_phone_idx = pool[:3], pool[3:5]
    bad_siret_idx, bad_cp_idx, no_geo_idx = pool[5], pool[6], pool[7:9]
    broken_emails = []
    for k, i in enumerate(bad_email_idx):
        slug = _slug(ident["base"][i])
        e = (f"contact@{slug}", f"compta.{slug}@@orange.fr", f"{slug}.gmail.com")[k]
        cust["email"][i] = e
        broken_emails.append(e)
    cust["phone"][bad_phone_idx[0]] = "04 78 12 34"
    cust["phone"][bad_phone_idx[1]] = "+33 6 12 34 56 78 90"
    s = cust["siret"][bad_siret_idx]
    cust["siret"][bad_siret_idx] = s[:-1] + str((int(s[-1]) + 1) % 10)
    # postal code of another département than the city's
    other = communes[communes["department"] != ident["department"][bad_cp_idx]]
    cust["postal_code"][bad_cp_idx] = other["postal_code"].iloc[0]
    cust["latitude"][no_geo_idx] = np.nan
    cust["longitude"][no_geo_idx] = np.nan
    return {
        "duplicates": dup_pairs,
        "bad_email": [ids[i] for i in bad_email_idx],
        "bad_phone": [ids[i] for i in bad_phone_idx],
        "bad_siret": [ids[bad_siret_idx]],
        "postal_code_city_mismatch": [ids[bad_cp_idx]],
        "missing_coordinates": [ids[i] for i in no_geo_idx],
    }


def _transactions_table(tx: dict, c_ids: np.ndarray, bounds) -> pa.Table:
    """Regular lines and credit notes, sorted by date and invoice number."""
    fam_names = np.array(list(FAMILIES), dtype=object)
    products = np.array([p for _, p, _ in CATALOGUE], dtype=object)
    inv_rank, inv_ids = _invoice_ids("F", tx["inv_date"], tx["inv_cust"])
    cn = tx["cn_line"]
    cn_cust = tx["cust"][cn]
    cn_rank, cn_ids = _invoice_ids("AV", tx["cn_date"], cn_cust)
    nl, nc = len(tx["line_inv"]), len(cn)
    date = np.concatenate([tx["date"], tx["cn_date"]])
    kind = np.concatenate([np.zeros(nl, np.int8), np.ones(nc, np.int8)])
    seq = np.concatenate([inv_rank[tx["line_inv"]], cn_rank])
    # one int64 key (date, regular before credit note, number); stable keeps line order
    big = np.int64(max(len(inv_rank), nc, 1))
    key = (date - bounds[0]) * (2 * big) + kind.astype(np.int64) * big + seq
    order = np.argsort(key, kind="stable")
    all_ids = pa.concat_arrays([inv_ids, cn_ids])
    product = np.concatenate([tx["product"], tx["product"][cn]])
    family = np.concatenate([tx["family"], tx["family"][cn]])
    cust = np.concatenate([tx["cust"], cn_cust])
    arrays = {
        "invoice_id": _dictionary(all_ids, np.concatenate([seq[:nl], len(inv_ids) + cn_rank])[order]),
        "customer_id": _take_labels(c_ids, cust[order]),
        "date": date[order],
        "product": _take_labels(products, product[order]),
        "family": _take_labels(fam_names, family[order]),
        "quantity": np.concatenate([tx["quantity"], tx["cn_qty"]])[order],
        "amount": np.concatenate([tx["amount"], tx["cn_amount"]])[order] + 0.0,
        "margin": np.concatenate([tx["margin"], tx["cn_margin"]])[order] + 0.0,
    }
    return _arrow("transactions", arrays)


def _take_labels(labels: np.ndarray, codes: np.ndarray) -> pa.Array:
    """Strings labels[codes] as a dictionary-encoded Arrow array; codes < 0 = null."""
    return _dictionary(pa.array(list(labels), pa.string()), codes)


def _dictionary(dictionary: pa.Array, codes: np.ndarray) -> pa.DictionaryArray:
    """Dictionary array (no string copied per row: cheap at 10^7 rows)."""
    codes = np.asarray(codes)
    mask = codes < 0
    idx = pa.array(np.where(mask, 0, codes).astype(np.int32), pa.int32(),
                   mask=mask if mask.any() else None)
    return pa.DictionaryArray.from_arrays(idx, dictionary)


def _contacts(rng, prof, p_status, created_p, cust, ident, c_ids, p_ids, tx, bounds,
              end_day, plant) -> tuple[pa.Table, dict]:
    """Contact history of customers and prospects (vectorised over contacts)."""
    n = len(prof["level"])
    npp = len(p_status)
    pct = prof["pct"]
    window_start = bounds[0]
    # per-customer active window: prospection ~4 months before the first order,
    # until the end (or 45 days after the last month for lost customers)
    first_day = bounds[prof["start"]]
    c_lo = np.maximum(window_start, first_day - 120)
    c_hi = np.where(prof["traj"] == 3, np.minimum(bounds[prof["stop"]] + 45, end_day), end_day)
    cls = np.digitize(pct, [0.5, 0.9])  # 0 = C, 1 = B, 2 = A
    visit = np.array([1.2, 3.5, 9.0])[cls]
    phone = np.array([2.0, 5.0, 10.0])[cls]
    mail = np.array([3.0, 6.0, 12.0])[cls]
    # one rep visits small accounts far more than their potential justifies
    habit = (ident["rep_idx"][:n] == 2) & (cls == 0)
    visit = np.where(habit, visit * 2.5, visit)
    planted: dict = {}
    if plant:
        taken = {i for pair in prof["planted"]["duplicates"] for i in pair}
        small = np.array([i for i in np.flatnonzero((cls == 0) & (prof["traj"] <= 1)
                                                     & (prof["start"] == 0)) if i not in taken])
        devourers = rng.choice(small, size=8, replace=False)
        visit[devourers] = 10.0
        phone[devourers] = 12.0
        planted["contact_devourers"] = sorted(c_ids[devourers].tolist())
    # prospects
    p_lo = np.maximum(created_p, window_start)
    p_lo = np.where(p_status == 3, np.maximum(p_lo, end_day - 240), p_lo)
    p_hi = np.full(npp, end_day)
    p_visit = np.array([0.0, 0.3, 1.5, 4.0])[p_status]
    p_phone = np.array([0.3, 1.5, 3.0, 5.0])[p_status]
    p_mail = np.array([0.5, 2.0, 3.0, 5.0])[p_status]

    lo = np.concatenate([c_lo, p_lo])
    hi = np.concatenate([c_hi, p_hi])
    years = np.maximum(hi - lo, 0) / 365.25
    ent_all = []
    chan_all = []
    date_all = []
    for ch, rate in ((0, np.concatenate([visit, p_visit])),
                     (1, np.concatenate([phone, p_phone])),
                     (2, np.concatenate([mail, p_mail]))):
        k = rng.poisson(rate * years)
        ent = np.repeat(np.arange(n + npp), k)
        ent_all.append(ent)
        chan_all.append(np.full(len(ent), ch, np.int8))
        date_all.append(_uniform_days(rng, lo[ent], hi[ent]))
    # win-back call to half of the lost customers
    lost = np.flatnonzero((prof["traj"] == 3) & (rng.random(n) < 0.5))
    wb_date = bounds[prof["stop"][lost]] + rng.integers(60, 200, len(lost))
    lost, wb_date = lost[wb_date <= end_day], wb_date[wb_date <= end_day]
    ent_all.append(lost)
    chan_all.append(np.full(len(lost), 1, np.int8))
    date_all.append(_weekday(wb_date, window_start, end_day))
    # mailings (publipostage): January, September, November campaigns to ~55 % of the file
    created_all = np.concatenate([cust["created"][:n], created_p])
    first_year = pd.Timestamp(np.datetime64(int(window_start), "D")).year
    last_year = pd.Timestamp(np.datetime64(int(end_day), "D")).year
    for year in range(first_year, last_year + 1):
        for md in ("01-15", "09-10", "11-05"):
            d = int(np.datetime64(f"{year}-{md}", "D").astype(np.int64))
            if not window_start <= d <= end_day:
                continue
            d = int(_weekday(np.array([d]), window_start, end_day)[0])
            active = (created_all <= d) & (np.concatenate([c_hi, p_hi]) >= d)
            target = np.flatnonzero(active & (rng.random(n + npp) < 0.55))
            ent_all.append(target)
            chan_all.append(np.full(len(target), 3, np.int8))
            date_all.append(np.full(len(target), d))
        # trade fair (salon) in the third week of March, two days
        d = int(np.datetime64(f"{year}-03-17", "D").astype(np.int64))
        d = int(_weekday(np.array([d]), d - 3, d + 3)[0])
        if window_start <= d and d + 1 <= end_day:
            p_meet = np.concatenate([np.array([0.05, 0.08, 0.2])[cls], np.full(npp, 0.12)])
            active = (created_all <= d) & (np.concatenate([c_hi, p_hi]) >= d)
            target = np.flatnonzero(active & (rng.random(n + npp) < p_meet))
            ent_all.append(target)
            chan_all.append(np.full(len(target), 4, np.int8))
            date_all.append(d + rng.integers(0, 2, len(target)))

    ent = np.concatenate(ent_all)
    chan = np.concatenate(chan_all)
    date = np.concatenate(date_all).astype(np.int64)
    m = len(ent)
    # complaints: more frequent for declining and lost customers
    p_compl = np.where(np.isin(prof["traj"], (2, 3)), 0.02, 0.005)
    p_compl = np.concatenate([p_compl, np.zeros(npp)])
    complaint = (chan <= 2) & (rng.random(m) < p_compl[ent])
    # two complaints within 60 days for a few customers
    if plant:
        cand = np.flatnonzero((cls >= 1) & (prof["traj"] != 4) & (c_hi - c_lo > 200))
        sens = rng.choice(cand, size=5, replace=False)
        d1 = c_hi[sens] - rng.integers(80, 200, len(sens))
        d1 = _weekday(np.maximum(d1, c_lo[sens]), window_start, end_day)
        d2 = _weekday(d1 + rng.integers(15, 56, len(sens)), window_start, end_day)
        ent = np.concatenate([ent, sens, sens])
        chan = np.concatenate([chan, np.full(len(sens), 1, np.int8),
                               rng.choice([0, 2], size=len(sens)).astype(np.int8)])
        date = np.concatenate([date, d1, d2])
        complaint = np.concatenate([complaint, np.ones(2 * len(sens), bool)])
        planted["double_complaints"] = sorted(c_ids[sens].tolist())
        m = len(ent)
    is_winback = np.zeros(m, bool)
    # the win-back calls are the block appended after the three channel draws
    start_wb = sum(len(a) for a in ent_all[:3])
    is_winback[start_wb:start_wb + len(lost)] = True

    # duration and cost
    u = rng.random(m)
    duration = np.select(
        [chan == 0, chan == 1, chan == 2, chan == 3, chan == 4],
        [_round_to(45 + u * 45, 5.0), np.round(3 + u * 17), np.full(m, 5.0), np.zeros(m),
         _round_to(15 + u * 25, 5.0)])
    cost = np.select(
        [chan == 0, chan == 1, chan == 2, chan == 3, chan == 4],
        [np.round(120 + (duration - 45) * 60 / 45 + rng.normal(0, 2, m), 2),
         np.round(6 + 0.15 * duration, 2), np.full(m, 0.5), np.full(m, 2.0), np.full(m, 65.0)])
    cost = np.where(chan == 0, np.clip(cost, 120, 180), cost)

    # outcome text
    labels: list[str] = []
    offsets = {}
    for ch in ("visite", "téléphone", "e-mail", "salon"):
        offsets[ch] = (len(labels), len(_OUTCOMES[ch]))
        labels.extend(_OUTCOMES[ch])
    compl0 = len(labels)
    labels.extend(_COMPLAINTS)
    wb0 = len(labels)
    labels.append(_WINBACK)
    mail0 = len(labels)
    labels.extend(("catalogue annuel envoyé", "offre de rentrée envoyée",
                   "promotions de fin d'année envoyées"))
    code = np.zeros(m, dtype=np.int64)
    r = rng.random(m)
    for ch_i, ch in ((0, "visite"), (1, "téléphone"), (2, "e-mail"), (4, "salon")):
        off, cnt = offsets[ch]
        sel = chan == ch_i
        code[sel] = off + np.floor(r[sel] * cnt).astype(np.int64)
    month = pd.DatetimeIndex(date.astype("datetime64[D]")).month.to_numpy()
    code[chan == 3] = mail0 + np.select([month[chan == 3] <= 2, month[chan == 3] <= 9], [0, 1], 2)
    code[complaint] = compl0 + np.floor(r[complaint] * len(_COMPLAINTS)).astype(np.int64)
    code[is_winback] = wb0

    ids = np.concatenate([c_ids, p_ids])
    id_rank = np.empty(len(ids), dtype=np.int64)
    id_rank[np.argsort(ids, kind="stable")] = np.arange(len(ids))
    order = np.lexsort((chan, id_rank[ent], date))
    arrays = {
        "customer_id": _take_labels(ids, ent[order]),
        "date": date[order],
        "channel": _take_labels(np.array(CHANNELS, dtype=object), chan[order]),
        "duration_min": duration[order].astype(float),
        "cost": cost[order].astype(float),
        "outcome": _take_labels(np.array(labels, dtype=object), code[order]),
        "complaint": complaint[order],
    }
    return _arrow("contacts", arrays), planted


def _receivables(rng, prof, tx, cust, c_ids, terms_c, bounds, end_ts, end_day,
                 plant) -> tuple[pa.Table, dict]:
    """One receivable per invoice of the last 15 months, with payment behaviour."""
    n = len(prof["level"])
    since = int(np.datetime64((end_ts - pd.DateOffset(months=15)).date(), "D").astype(np.int64))
    sel = np.flatnonzero((tx["inv_date"] > since) & (tx["inv_total"] > 0))
    inv_rank, inv_ids = _invoice_ids("F", tx["inv_date"], tx["inv_cust"])
    c = tx["inv_cust"][sel]
    inv_date = tx["inv_date"][sel]
    due = inv_date + terms_c[c].astype(np.int64)
    # payment method per customer
    method = rng.choice(4, size=n, p=[0.55, 0.15, 0.15, 0.15])
    # lateness profile: punctual 60 %, sometimes late 30 %, often and very late 10 %
    prof_kind = rng.choice(3, size=n, p=[0.6, 0.3, 0.1])
    p_late = np.array([0.05, 0.45, 0.85])[prof_kind] * rng.uniform(0.7, 1.3, n)
    scale = np.array([6.0, 15.0, 40.0])[prof_kind] * rng.uniform(0.7, 1.4, n)
    k = len(sel)
    late = rng.random(k) < p_late[c]
    delay = np.where(late, 1 + np.minimum(rng.exponential(scale[c]), 119).astype(np.int64),
                     np.round(rng.normal(-2, 3, k)).astype(np.int64))
    m = method[c]
    delay = np.where(m == 3, 0, delay)  # direct debit: paid on the due date
    delay = np.where(m == 2, np.clip(delay, 0, 5), delay)  # bill of exchange (LCR)
    paid = np.maximum(due + delay, inv_date)
    planted: dict = {}
    if plant:
        active = np.flatnonzero((prof["traj"] <= 2) & (prof["pct"] < 0.85)
                                & (prof["pct"] > 0.4) & (method != 3))
        active = np.setdiff1d(active, [i for pr in prof["planted"]["duplicates"] for i in pr])
        defaulters = rng.choice(active, size=4, replace=False)
        stuck = np.isin(c, defaulters) & (inv_date >= end_day - 270)
        paid = np.where(stuck, end_day + 1, paid)
        planted["unpaid_over_90_days"] = sorted(c_ids[defaulters].tolist())
    paid_f = paid.astype("datetime64[D]")
    paid_f[paid > end_day] = np.datetime64("NaT")
    order = np.lexsort((inv_rank[sel], inv_date))
    arrays = {
        "invoice_id": pc.take(inv_ids, pa.array(inv_rank[sel][order])),
        "customer_id": _take_labels(c_ids, c[order]),
        "invoice_date": inv_date[order],
        "due_date": due[order],
        "amount": np.round(tx["inv_total"][sel][order] * 1.2, 2),
        "paid_date": paid_f[order],
        "payment_method": _take_labels(np.array(PAYMENT_METHODS, dtype=object), m[order]),
    }
    return _arrow("receivables", arrays), planted


# ----------------------------------------------------------------- arrow <-> pandas I/O

_ARROW_TYPES = {"str": pa.string(), "float": pa.float64(), "date": pa.date32(),
                "bool": pa.bool_()}


def _arrow(kind: str, arrays: dict) -> pa.Table:
    """Arrow table with the canonical columns of ``kind`` in order and Arrow types."""
    cols = []
    for col, typ in COLUMNS[kind].items():
        v = arrays[col]
        if isinstance(v, pa.Array | pa.ChunkedArray):
            cols.append(v)
        elif typ == "date":
            d = np.asarray(v)
            if d.dtype.kind != "M":
                d = d.astype(np.int64).astype("datetime64[D]")
            cols.append(pa.array(d.astype("datetime64[D]"), pa.date32(), from_pandas=True))
        elif typ == "str":
            cols.append(pa.array(list(v), pa.string(), from_pandas=True))
        else:
            cols.append(pa.array(np.asarray(v), _ARROW_TYPES[typ], from_pandas=True))
    return pa.table(cols, names=list(COLUMNS[kind]))


def _decode(table: pa.Table) -> pa.Table:
    """Dictionary-encoded columns decoded to plain strings (canonical text columns)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.string()))
    return table


def _to_frame(table: pa.Table, kind: str) -> pd.DataFrame:
    """pandas frame with canonical dtypes (str, float64, datetime64[ns], boolean)."""
    df = _decode(table).to_pandas(date_as_object=False)
    for col, typ in COLUMNS[kind].items():
        if col not in df.columns:
            continue
        if typ == "date":
            df[col] = df[col].astype("datetime64[ns]")
        elif typ == "bool":
            df[col] = df[col].astype("boolean")
        elif typ == "float":
            df[col] = df[col].astype("float64")
        elif typ == "str":
            df[col] = df[col].astype("str")
    return df


def _to_table(frame: pd.DataFrame, kind: str) -> pa.Table:
    arrays = {}
    for col, typ in COLUMNS[kind].items():
        if col not in frame.columns:
            continue
        s = frame[col]
        if typ == "date":
            arrays[col] = pa.array(s.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]"),
                                   pa.date32(), from_pandas=True)
        elif typ == "str":
            arrays[col] = pa.array(s.astype("object").where(s.notna(), None).tolist(),
                                   pa.string())
        elif typ == "bool":
            arrays[col] = pa.array(s.astype("boolean").astype("object")
                                   .where(s.notna(), None).tolist(), pa.bool_())
        else:
            arrays[col] = pa.array(s.to_numpy(dtype="float64"), pa.float64(), from_pandas=True)
    return pa.table(arrays)


def _write_tables(tables: dict[str, pa.Table], out_dir: Path, fmt: str) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in tables.items():
        if table is None:
            continue
        if fmt == "parquet":
            import pyarrow.parquet as pq

            path = out_dir / f"{name}.parquet"
            pq.write_table(_decode(table), path)
        else:
            path = out_dir / f"{name}.csv"
            try:  # plain CSV (no quotes) when no value needs them
                opts = pacsv.WriteOptions(quoting_style="none", quoting_header="none",
                                          batch_size=1 << 16)
                pacsv.write_csv(table, path, opts)
            except pa.ArrowInvalid:
                opts = pacsv.WriteOptions(quoting_style="needed", quoting_header="none",
                                          batch_size=1 << 16)
                pacsv.write_csv(table, path, opts)
        paths[name] = path
    return paths


# ------------------------------------------------------------------------ public API


def _check_args(n_customers, n_prospects, months, end, seed, lines_per_customer) -> None:
    if not isinstance(n_customers, int | np.integer) or n_customers < 1:
        raise ValueError(f"n_customers must be a whole number >= 1, got {n_customers!r}")
    if not isinstance(n_prospects, int | np.integer) or n_prospects < 0:
        raise ValueError(f"n_prospects must be a whole number >= 0, got {n_prospects!r}")
    if not isinstance(months, int | np.integer) or not 13 <= months <= 240:
        raise ValueError(f"months must be a whole number between 13 and 240, got {months!r}")
    try:
        pd.Timestamp(end)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"end must be a date such as '2026-10-31', got {end!r}") from exc
    if not lines_per_customer > 0:
        raise ValueError(f"lines_per_customer must be positive, got {lines_per_customer!r}")
    if seed is None:
        raise ValueError("seed must be an integer: the demo must be repeatable")


def generate_portfolio(n_customers: int = 600, n_prospects: int = 200, months: int = 36,
                       end: str = DEFAULT_END, seed: int = 42,
                       lines_per_customer: float = DEFAULT_LINES_PER_CUSTOMER) -> Portfolio:
    """Generate a credible French B2B portfolio (four canonical tables), repeatably.

    Customers' yearly revenue level is ``median * exp(sigma * z + boost * max(z - z0, 0))``
    with stratified normal quantiles ``z`` (log-normal with a heavier top decile).
    Invoices per month are Poisson with mean
    ``c * sqrt(level / median) * trajectory(t) * season(month)``, ``c`` set so that the
    expected number of lines is ``n_customers * lines_per_customer``; the expected line
    amount is chosen so that expected yearly revenue equals the level.

    Parameters
    ----------
    n_customers, n_prospects : int
        Accounts with status "customer" (ids C00001...) and prospects (P00001...).
        The planted defects (duplicates, bad e-mails...) need ``n_customers >= 100``
        and ``months >= 24``.
    months : int
        Length of the sales history, ending with the month of ``end`` (13..240).
    end : str or date
        Last day of the history (the natural reference date ``as_of``).
    seed : int
        Seed of the numpy Generator: the same arguments give identical tables.
    lines_per_customer : float
        Mean number of sales lines per customer over the whole history.

    Returns
    -------
    Portfolio
        transactions, customers, contacts and receivables with canonical columns and
        dtypes; ``meta["planted"]`` lists the ids of the planted defects.

    Raises
    ------
    ValueError
        If a count, the number of months or the end date is not usable.

    Examples
    --------
    >>> p = generate_portfolio(n_customers=30, n_prospects=5, seed=3)
    >>> int((p.customers["status"] == "customer").sum())
    30
    >>> str(p.transactions["date"].dtype)
    'datetime64[ns]'
    """
    tables, meta = _build(n_customers, n_prospects, months, end, seed, lines_per_customer)
    frames = {k: _to_frame(t, k) for k, t in tables.items()}
    return Portfolio(**frames, meta=meta)


def write_portfolio(portfolio: Portfolio, out_dir: str | Path, fmt: str = "csv") -> dict:
    """Write the portfolio's tables as ``<table>.csv`` (or ``.parquet``) in ``out_dir``.

    CSV: UTF-8, comma separator, ISO dates (yyyy-mm-dd), '.' decimals, empty cell for a
    missing value; values are quoted only in a table where some value needs it.

    Returns
    -------
    dict
        table name -> path written.

    Raises
    ------
    ValueError
        If ``fmt`` is neither "csv" nor "parquet".

    Examples
    --------
    >>> import tempfile
    >>> p = generate_portfolio(n_customers=20, n_prospects=0, seed=1)
    >>> sorted(write_portfolio(p, tempfile.mkdtemp()))
    ['contacts', 'customers', 'receivables', 'transactions']
    """
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"format must be 'csv' or 'parquet', got {fmt!r}")
    tables = {k: _to_table(v, k) for k, v in portfolio.tables().items()}
    return _write_tables(tables, Path(out_dir), fmt)


_READ_TYPES = {"str": pa.string(), "float": pa.float64(), "date": pa.date32(),
               "bool": pa.bool_()}


def load_demo(directory: str | Path | None = None) -> Portfolio:
    """Read the committed demo portfolio (``sample_data/*.csv``) with canonical dtypes.

    Identifiers and postal codes stay strings (leading zeros kept), dates are parsed.

    Raises
    ------
    ValueError
        If a demo file is missing (regenerate with ``python -m core.sample --demo``).

    Examples
    --------
    >>> p = load_demo()
    >>> bool(p.customers["postal_code"].str.len().eq(5).all())
    True
    """
    directory = Path(directory) if directory is not None else SAMPLE_DIR
    frames = {}
    for kind in TABLE_FILES:
        path = directory / f"{kind}.csv"
        if not path.exists():
            raise ValueError(f"the demo file {path} is missing: run "
                             "'python -m core.sample --demo' to regenerate it")
        types = {c: _READ_TYPES[t] for c, t in COLUMNS[kind].items()}
        table = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=True,
                                                 true_values=["true"],
                                                 false_values=["false"]),
        )
        frames[kind] = _to_frame(table, kind)
    end = frames["transactions"]["date"].max()
    meta = {"name": "demo", "source": str(directory), "seed": 42, "end": DEFAULT_END,
            "last_date": str(pd.Timestamp(end).date())}
    return Portfolio(**frames, meta=meta)


def _parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="python -m core.sample",
        description="Generate a demo or benchmark customer portfolio (seeded).")
    ap.add_argument("--demo", action="store_true",
                    help="regenerate sample_data/*.csv with the default arguments")
    ap.add_argument("--customers", type=int, default=600)
    ap.add_argument("--prospects", type=int, default=None,
                    help="default: a third of --customers, at most 200 for the demo size")
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--end", default=DEFAULT_END)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--lines-per-customer", type=float, default=DEFAULT_LINES_PER_CUSTOMER)
    ap.add_argument("--out", default=None, help="output folder")
    ap.add_argument("--format", choices=("csv", "parquet"), default="csv")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    """Command-line entry point (see the module docstring)."""
    args = _parse_args(argv)
    t0 = time.perf_counter()
    if args.demo:
        p = generate_portfolio()
        paths = write_portfolio(p, SAMPLE_DIR)
    else:
        if args.out is None:
            print("error: --out DIR is required (or use --demo)", file=sys.stderr)
            return 2
        prospects = args.prospects if args.prospects is not None else args.customers // 3
        try:
            tables, _ = _build(args.customers, prospects, args.months, args.end, args.seed,
                               args.lines_per_customer)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        t1 = time.perf_counter()
        paths = _write_tables(tables, Path(args.out), args.format)
        print(f"generated in {t1 - t0:.1f} s, written in {time.perf_counter() - t1:.1f} s")
    for name, path in paths.items():
        print(f"{name:13s} {path}  ({path.stat().st_size / 1e6:.2f} MB)")
    print(f"total {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
