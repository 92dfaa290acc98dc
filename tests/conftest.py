"""Shared test fixtures: a private store file for the whole test session, and tiny
hand-made tables small enough to check results on paper.

The store path is set in ``pytest_configure`` (before any test module creates a store),
so no test ever touches the user's real portfolios: ``CAPITAL_CLIENT_DB`` points to a
temporary file, one per pytest process (each xdist worker has its own).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
# The project root first on the path: `ui`, `core` are the app's packages (tests/ui is
# not a package, and pytest alone does not put the root on sys.path).
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_configure(config):
    tmp = Path(tempfile.mkdtemp(prefix="capital-client-tests-"))
    os.environ["CAPITAL_CLIENT_DB"] = str(tmp / "portfolios.duckdb")
    config._capital_client_tmp = tmp


@pytest.fixture(scope="session", autouse=True)
def _full_error_details_in_apptest():
    """AppTest failures show the real exception message (.streamlit/config.toml hides
    it from users, and AppTest reads that file)."""
    from streamlit import config

    config.set_option("client.showErrorDetails", "full")
    yield


@pytest.fixture(scope="session")
def store_path() -> Path:
    """The session's store file (from $CAPITAL_CLIENT_DB)."""
    return Path(os.environ["CAPITAL_CLIENT_DB"])


@pytest.fixture
def tiny_transactions() -> pd.DataFrame:
    """6 lines, 3 customers, one credit note, reference date 2024-06-30.

    C1: 2 orders (F1 = 100 + 50, F2 = 200), C2: 1 order (F3 = 80) and a credit note
    (A1 = -30), C3: one order in 2022 (lost).
    """
    return pd.DataFrame({
        "invoice_id": ["F1", "F1", "F2", "F3", "A1", "F0"],
        "customer_id": ["C1", "C1", "C1", "C2", "C2", "C3"],
        "date": pd.to_datetime(["2024-01-10", "2024-01-10", "2024-06-01", "2024-03-01",
                                "2024-03-15", "2022-05-02"]),
        "product": ["P1", "P2", "P1", "P3", "P3", "P1"],
        "family": ["Outils", "Vis", "Outils", "Peinture", "Peinture", "Outils"],
        "quantity": [1.0, 5.0, 2.0, 4.0, -1.0, 1.0],
        "amount": [100.0, 50.0, 200.0, 80.0, -30.0, 60.0],
        "margin": [30.0, 20.0, 60.0, 24.0, -9.0, 18.0],
    })


@pytest.fixture
def tiny_customers() -> pd.DataFrame:
    """The 3 customers of ``tiny_transactions`` plus one prospect (P9)."""
    return pd.DataFrame({
        "customer_id": ["C1", "C2", "C3", "P9"],
        "name": ["Boulangerie Martin", "Garage Dupont", "Café du Port", "Hôtel Bellevue"],
        "status": ["customer", "customer", "lost", "warm prospect"],
        "postal_code": ["35000", "29200", "56100", "22000"],
        "city": ["Rennes", "Brest", "Lorient", "Saint-Brieuc"],
        "sales_rep": ["Alice", "Bruno", "Alice", "Bruno"],
        "potential": [5000.0, 2000.0, 1000.0, 3000.0],
        "credit_limit": [1000.0, 500.0, 500.0, None],
    })


@pytest.fixture
def tiny_contacts() -> pd.DataFrame:
    """Three contacts, one complaint."""
    return pd.DataFrame({
        "customer_id": ["C1", "C2", "P9"],
        "date": pd.to_datetime(["2024-01-05", "2024-03-10", "2024-05-20"]),
        "channel": ["visite", "téléphone", "e-mail"],
        "duration_min": [60.0, 10.0, 0.0],
        "cost": [80.0, 5.0, 0.5],
        "complaint": pd.array([False, True, False], dtype="boolean"),
    })


@pytest.fixture
def tiny_receivables() -> pd.DataFrame:
    """Two invoices: one paid late, one still open."""
    return pd.DataFrame({
        "invoice_id": ["F2", "F3"],
        "customer_id": ["C1", "C2"],
        "invoice_date": pd.to_datetime(["2024-06-01", "2024-03-01"]),
        "due_date": pd.to_datetime(["2024-07-01", "2024-04-01"]),
        "amount": [240.0, 96.0],
        "paid_date": pd.to_datetime([None, "2024-04-20"]),
    })


@pytest.fixture
def tiny_portfolio(tiny_transactions, tiny_customers, tiny_contacts, tiny_receivables):
    """A Portfolio with the four tiny tables."""
    from core.schema import Portfolio

    return Portfolio(transactions=tiny_transactions, customers=tiny_customers,
                     contacts=tiny_contacts, receivables=tiny_receivables)
