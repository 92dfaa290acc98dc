"""Commercial effort: visit needs, workload (charge de travail), contact and prospection plans.

DOMAIN.md section 7. Rules are data the user can edit from the UI:

- :data:`VISIT_NORMS`: visits per year per segment (A monthly, B quarterly, C twice a
  year, prospects according to their temperature);
- :data:`PRIORITY_WEIGHTS` and :data:`SEGMENT_SCORES`: how a visit priority is built;
- :data:`CHANNELS`: unit cost and expected response rate of each contact channel;
- :data:`DEFAULT_MIX`: contacts per customer and channel for each segment;
- :data:`TOUCH_SEQUENCE`: the dated touches of a campaign around an event (J-15 e-mail
  invitation, J-10 reminder, J-7 phone call, J-1 SMS, J+1 thank-you).

Example
-------
>>> import pandas as pd
>>> needs = pd.DataFrame({"segment": ["A", "A", "B", "C"]})
>>> w = workload(needs, visit_minutes={"A": 60, "B": 45, "C": 30}, travel_minutes=30)
>>> w.table.loc["A", ["customers", "visits", "hours"]].tolist()
[2.0, 24.0, 36.0]
>>> round(w.total_hours, 1), w.reps_needed
(43.0, 1)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import pandas as pd

__all__ = [
    "CHANNELS",
    "DEFAULT_MIX",
    "PRIORITY_WEIGHTS",
    "SEGMENT_SCORES",
    "TOUCH_SEQUENCE",
    "VISIT_CHANNELS",
    "VISIT_MINUTES",
    "VISIT_NORMS",
    "ContactPlan",
    "Workload",
    "average_order_margin",
    "channel_costs_from_contacts",
    "contact_plan",
    "customer_segments",
    "estimate_travel_minutes",
    "rep_load",
    "touch_sequence",
    "visit_needs",
    "workload",
]

# ------------------------------------------------------------------------------ rules
#: Visits per year per segment (ABC class for customers, temperature for prospects).
VISIT_NORMS: dict[str, float] = {
    "A": 12, "B": 4, "C": 2,
    "hot prospect": 6, "warm prospect": 3, "cold prospect": 1, "suspect": 0, "lost": 0,
}
#: Visit duration in minutes per segment ("default" for any other segment).
VISIT_MINUTES: dict[str, float] = {
    "A": 60, "B": 45, "C": 30, "hot prospect": 60, "warm prospect": 45, "cold prospect": 30,
    "suspect": 30, "lost": 30, "default": 45,
}
#: Importance of each segment in the priority (0..1).
SEGMENT_SCORES: dict[str, float] = {
    "A": 1.0, "B": 0.6, "C": 0.3, "hot prospect": 0.8, "warm prospect": 0.5,
    "cold prospect": 0.25, "suspect": 0.1, "lost": 0.0,
}
#: Weights of the priority components; a component without data is dropped.
PRIORITY_WEIGHTS: dict[str, float] = {"segment": 0.35, "overdue": 0.35, "churn": 0.15,
                                      "potential": 0.15}
#: Contact channels that count as a visit (lower case).
VISIT_CHANNELS: tuple[str, ...] = ("visite", "visit", "rendez-vous", "rdv", "meeting")
#: Unit cost (euros) and expected response rate (share of contacts leading to an
#: order) per channel. Costs match the demo's contact history.
CHANNELS: dict[str, dict[str, float]] = {
    "visit": {"unit_cost": 150.0, "response_rate": 0.20},
    "phone": {"unit_cost": 8.0, "response_rate": 0.06},
    "email": {"unit_cost": 0.5, "response_rate": 0.01},
    "mailing": {"unit_cost": 2.0, "response_rate": 0.015},
    "event": {"unit_cost": 65.0, "response_rate": 0.12},
    "sms": {"unit_cost": 0.08, "response_rate": 0.005},
}
#: Channel names of a contacts table -> channel keys above.
CHANNEL_ALIASES: dict[str, str] = {
    "visite": "visit", "visit": "visit", "rendez-vous": "visit",
    "téléphone": "phone", "telephone": "phone", "phone": "phone", "appel": "phone",
    "e-mail": "email", "email": "email", "mail": "email", "courriel": "email",
    "publipostage": "mailing", "mailing": "mailing", "courrier": "mailing",
    "salon": "event", "event": "event", "événement": "event", "evenement": "event",
    "sms": "sms",
}
#: Contacts per customer and channel over a campaign, per segment.
DEFAULT_MIX: dict[str, dict[str, float]] = {
    "A": {"visit": 2, "phone": 2, "email": 2},
    "B": {"visit": 1, "phone": 2, "email": 2},
    "C": {"phone": 1, "email": 3, "mailing": 1},
    "hot prospect": {"visit": 1, "phone": 2, "email": 1},
    "warm prospect": {"phone": 2, "email": 2, "event": 1},
    "cold prospect": {"email": 2, "mailing": 1},
    "default": {"phone": 1, "email": 2},
}
#: Touches of a campaign: (days from the event, channel, action key).
TOUCH_SEQUENCE: tuple[tuple[int, str, str], ...] = (
    (-15, "email", "invitation"),
    (-10, "email", "reminder"),
    (-7, "phone", "confirmation_call"),
    (-1, "sms", "sms_reminder"),
    (1, "email", "thank_you"),
)
#: Statuses read as prospects (core.schema.STATUSES).
PROSPECT_STATUSES = ("suspect", "cold prospect", "warm prospect", "hot prospect")


# ---------------------------------------------------------------------------- helpers
def _require(frame, columns, table: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"the {table} must be a table")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"the {table} table lacks the column(s) " + ", ".join(missing))


def _check_norms(norms: Mapping) -> dict:
    out = {}
    for key, value in norms.items():
        try:
            v = float(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the visit norm of '{key}' must be a number of visits "
                             "per year") from exc
        if not (0 <= v <= 365) or math.isnan(v):
            raise ValueError(f"the visit norm of '{key}' must be between 0 and 365 "
                             f"visits per year, got {value!r}")
        out[str(key)] = v
    return out


def _by_customer(values, name: str) -> pd.Series | None:
    if values is None:
        return None
    if not isinstance(values, pd.Series):
        raise ValueError(f"{name} must be a Series indexed by customer_id")
    s = values.copy()
    s.index = s.index.astype(str)
    return s


# ------------------------------------------------------------------------ visit needs
def customer_segments(customers: pd.DataFrame, classes: pd.Series | None = None) -> pd.Series:
    """Segment of each customer for visit norms: its ABC class, or its prospect status.

    Customers (any status other than a prospect one and "lost") take their class from
    ``classes`` (Series indexed by customer_id); a customer without a class (no sales in
    the period) is "C". Prospects keep their status ("hot prospect"...); lost customers
    are "lost".

    >>> cust = pd.DataFrame({"customer_id": ["C1", "C2", "P1"],
    ...                      "status": ["customer", "customer", "hot prospect"]})
    >>> customer_segments(cust, pd.Series({"C1": "A"})).tolist()
    ['A', 'C', 'hot prospect']
    """
    _require(customers, ["customer_id"], "customers")
    ids = customers["customer_id"].astype(str)
    status = (customers["status"].astype(str).str.strip().str.lower()
              if "status" in customers else pd.Series("customer", index=customers.index))
    cls = _by_customer(classes, "classes")
    seg = ids.map(cls) if cls is not None else pd.Series(np.nan, index=customers.index)
    seg = seg.astype(object).where(seg.notna(), "C")
    seg = seg.where(~status.isin(PROSPECT_STATUSES), status)
    seg = seg.where(status != "lost", "lost")
    return pd.Series(seg.to_numpy(dtype=object), index=ids.to_numpy(), name="segment")


def visit_needs(customers: pd.DataFrame, contacts: pd.DataFrame | None, as_of,
                classes: pd.Series | None = None, norms: Mapping = VISIT_NORMS,
                churn: pd.Series | None = None, weights: Mapping = PRIORITY_WEIGHTS,
                due_within_days: int = 14,
                visit_channels: Sequence[str] = VISIT_CHANNELS) -> pd.DataFrame:
    """Who needs a visit, how late it is, and a visit priority per customer.

    interval = 365 / visits per year (the segment's norm); next due = last visit +
    interval; days overdue = as_of - next due. Status: "overdue" (> 0 days), "due"
    (due within ``due_within_days``), "ok", "never" (no visit recorded), "no_norm"
    (norm 0). Priority, 0..100::

        priority = 100 * sum(w_i * x_i) / sum(w_i)
        x_segment   = SEGMENT_SCORES[segment]
        x_overdue   = clip(days overdue / interval, 0, 1)   (never visited: 1)
        x_churn     = churn probability (when ``churn`` is given)
        x_potential = percentile rank of the annual potential (when known)

    Parameters
    ----------
    customers : DataFrame
        customer_id, and optionally status, potential, sales_rep, name, latitude,
        longitude, postal_code, city (kept in the result).
    contacts : DataFrame or None
        customer_id, date, channel; rows whose channel is in ``visit_channels`` are
        visits. Contacts after ``as_of`` are ignored.
    as_of : date-like
        Reference date.
    classes : Series, optional
        ABC class per customer_id (see :func:`customer_segments`).
    norms : dict
        Visits per year per segment (:data:`VISIT_NORMS`).
    churn : Series, optional
        Churn probability (0..1) per customer_id.
    weights : dict
        :data:`PRIORITY_WEIGHTS`.

    Returns
    -------
    DataFrame
        One row per customer, highest priority first: customer_id, segment,
        visits_per_year, interval_days, last_visit, days_since, next_due,
        days_overdue, status, priority, plus the kept customer columns.

    Raises
    ------
    ValueError
        On a missing column, a norm outside 0..365, a churn value outside 0..1 or
        negative weights.

    Examples
    --------
    >>> cust = pd.DataFrame({"customer_id": ["C1", "C2"], "status": ["customer"] * 2})
    >>> cont = pd.DataFrame({"customer_id": ["C1", "C2"], "channel": ["visite"] * 2,
    ...                      "date": pd.to_datetime(["2026-08-01", "2026-10-20"])})
    >>> out = visit_needs(cust, cont, "2026-10-31", classes=pd.Series({"C1": "A", "C2": "A"}))
    >>> out[["customer_id", "days_overdue", "status"]].values.tolist()
    [['C1', 60.6, 'overdue'], ['C2', -19.4, 'ok']]
    """
    _require(customers, ["customer_id"], "customers")
    as_of = pd.Timestamp(as_of).normalize()
    norms = _check_norms(norms)
    w = {k: float(v) for k, v in weights.items()}
    if any(v < 0 or math.isnan(v) for v in w.values()):
        raise ValueError("priority weights cannot be negative")
    seg = customer_segments(customers, classes)
    out = pd.DataFrame({"customer_id": seg.index, "segment": seg.to_numpy()})
    keep = [c for c in ("name", "status", "sales_rep", "potential", "postal_code", "city",
                        "latitude", "longitude", "created") if c in customers.columns]
    extra = customers[keep].reset_index(drop=True)
    out = pd.concat([out, extra], axis=1)
    missing_norm = sorted(set(out["segment"]) - set(norms))
    if missing_norm:
        raise ValueError("there is no visit norm for the segment(s) " + ", ".join(missing_norm)
                         + "; add them to the norms")
    out["visits_per_year"] = out["segment"].map(norms).astype(float)
    with np.errstate(divide="ignore"):
        out["interval_days"] = np.where(out["visits_per_year"] > 0,
                                        365.0 / out["visits_per_year"], np.nan)
    last = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    if contacts is not None and len(contacts):
        _require(contacts, ["customer_id", "date"], "contacts")
        c = contacts
        if "channel" in c:
            ch = c["channel"].astype(str).str.strip().str.lower()
            c = c[ch.isin([v.lower() for v in visit_channels])]
        dates = pd.to_datetime(c["date"], errors="coerce")
        c = pd.DataFrame({"customer_id": c["customer_id"].astype(str), "date": dates})
        c = c[c["date"].notna() & (c["date"] <= as_of)]
        last = out["customer_id"].map(c.groupby("customer_id")["date"].max())
    out["last_visit"] = pd.to_datetime(last)
    out["days_since"] = (as_of - out["last_visit"]).dt.days.astype(float)
    out["next_due"] = (out["last_visit"] + pd.to_timedelta(out["interval_days"], unit="D")
                       ).dt.normalize()
    out["days_overdue"] = (out["days_since"] - out["interval_days"]).round(1)
    status = np.select(
        [out["visits_per_year"] <= 0, out["last_visit"].isna(), out["days_overdue"] > 0,
         out["days_overdue"] > -due_within_days],
        ["no_norm", "never", "overdue", "due"], default="ok")
    out["status"] = status
    overdue_x = ((out["days_since"] - out["interval_days"]) / out["interval_days"]).clip(0, 1)
    overdue_x = overdue_x.where(out["status"] != "never", 1.0).fillna(0.0)
    comps = {"segment": out["segment"].map(SEGMENT_SCORES).fillna(0.3).astype(float),
             "overdue": overdue_x}
    ch = _by_customer(churn, "churn")
    if ch is not None:
        ch = pd.to_numeric(ch, errors="coerce")
        if ((ch < 0) | (ch > 1)).any():
            raise ValueError("churn scores must be probabilities between 0 and 1")
        out["churn"] = out["customer_id"].map(ch)
        comps["churn"] = out["churn"].fillna(0.0)
    if "potential" in out and pd.to_numeric(out["potential"], errors="coerce").notna().any():
        pot = pd.to_numeric(out["potential"], errors="coerce")
        comps["potential"] = pot.rank(pct=True).fillna(0.0)
    used = {k: w.get(k, 0.0) for k in comps}
    total = sum(used.values())
    if total <= 0:
        raise ValueError("at least one priority weight must be positive")
    score = sum(used[k] * comps[k] for k in comps) / total
    out["priority"] = (100 * score).round(1)
    out.loc[out["visits_per_year"] <= 0, "priority"] = (
        out.loc[out["visits_per_year"] <= 0, "priority"] * 0.0)
    # equal priorities (the score is capped at 100): the longest overdue first
    out = out.sort_values(["priority", "days_overdue", "customer_id"],
                          ascending=[False, False, True], kind="stable", na_position="last")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- workload
@dataclass
class Workload:
    """Result of :func:`workload`.

    ``table`` per segment (index): customers, visits_per_year, visits, visit_min,
    travel_min, hours, days. Totals and the number of reps needed for the field days
    a rep has in a year.
    """

    table: pd.DataFrame
    total_visits: float
    total_hours: float
    total_days: float
    field_days_per_rep: float
    reps_needed: int
    reps_available: int | None
    load_pct: float | None


def workload(needs: pd.DataFrame, norms: Mapping = VISIT_NORMS,
             visit_minutes: Mapping = VISIT_MINUTES, travel_minutes=30.0,
             hours_per_day: float = 8.0, working_days: float = 218.0,
             field_share: float = 0.8, reps_available: int | None = None) -> Workload:
    """Yearly workload of the visits the norms ask for, and the reps it needs.

    hours = customers x visits per year x (visit minutes + travel minutes) / 60;
    days = hours / ``hours_per_day``; field days per rep = ``working_days`` x
    ``field_share`` (218 days = the French "forfait jours"); reps needed =
    ceil(total days / field days per rep); load = total days / (reps available x field
    days per rep).

    Parameters
    ----------
    needs : DataFrame
        One row per customer with a ``segment`` column (e.g. :func:`visit_needs`).
    norms, visit_minutes : dict
        Visits per year and visit minutes per segment ("default" minutes for others).
    travel_minutes : float or dict
        Travel time per visit (one number, or per segment).
    hours_per_day, working_days, field_share : float
    reps_available : int, optional

    Returns
    -------
    Workload

    Raises
    ------
    ValueError
        On a missing ``segment`` column, negative durations or an impossible share.
    """
    _require(needs, ["segment"], "visit needs")
    norms = _check_norms(norms)
    if not hours_per_day > 0 or not working_days > 0 or not 0 < field_share <= 1:
        raise ValueError("hours per day and working days must be positive, and the field "
                         "share between 0 and 100 %")
    counts = needs["segment"].astype(str).value_counts()
    segs = [s for s in norms if s in counts.index] + sorted(set(counts.index) - set(norms))
    default = float(visit_minutes.get("default", 45))
    rows = []
    for s in segs:
        travel = (float(travel_minutes.get(s, travel_minutes.get("default", 30)))
                  if isinstance(travel_minutes, Mapping) else float(travel_minutes))
        vm = float(visit_minutes.get(s, default))
        if vm < 0 or travel < 0:
            raise ValueError("visit and travel durations cannot be negative")
        n = float(counts.get(s, 0))
        vpy = norms.get(s, 0.0)
        visits = n * vpy
        hours = visits * (vm + travel) / 60.0
        rows.append({"segment": s, "customers": n, "visits_per_year": vpy, "visits": visits,
                     "visit_min": vm, "travel_min": travel, "hours": hours,
                     "days": hours / hours_per_day})
    table = pd.DataFrame(rows, columns=["segment", "customers", "visits_per_year", "visits",
                                        "visit_min", "travel_min", "hours", "days"])
    table = table.set_index("segment")
    total_days = float(table["days"].sum())
    field_days = working_days * field_share
    reps = math.ceil(total_days / field_days - 1e-9) if total_days > 0 else 0
    load = (total_days / (reps_available * field_days) if reps_available else None)
    return Workload(table, float(table["visits"].sum()), float(table["hours"].sum()),
                    total_days, field_days, reps, reps_available, load)


def rep_load(needs: pd.DataFrame, norms: Mapping = VISIT_NORMS,
             visit_minutes: Mapping = VISIT_MINUTES, travel_minutes=30.0,
             hours_per_day: float = 8.0, working_days: float = 218.0,
             field_share: float = 0.8, rep_col: str = "sales_rep") -> pd.DataFrame:
    """Each rep's yearly visit load against the field days they have.

    Same formula as :func:`workload` per rep; ``travel_minutes`` may be a dict per rep
    (e.g. from :func:`estimate_travel_minutes`). load_pct = days / field days x 100.

    >>> needs = pd.DataFrame({"segment": ["A", "C"], "sales_rep": ["Ann", "Bob"]})
    >>> rep_load(needs, travel_minutes=30)[["sales_rep", "visits", "hours"]].values.tolist()
    [['Ann', 12.0, 18.0], ['Bob', 2.0, 2.0]]
    """
    _require(needs, ["segment", rep_col], "visit needs")
    norms = _check_norms(norms)
    field_days = working_days * field_share
    default = float(visit_minutes.get("default", 45))
    n = needs.assign(_rep=needs[rep_col].astype(object).where(needs[rep_col].notna(),
                                                              "(none)"))
    rows = []
    for rep, grp in n.groupby("_rep", sort=True):
        travel = (float(travel_minutes.get(rep, 30.0)) if isinstance(travel_minutes, Mapping)
                  else float(travel_minutes))
        seg = grp["segment"].astype(str)
        vpy = seg.map(norms).fillna(0.0)
        vm = seg.map(lambda s: float(visit_minutes.get(s, default)))
        visits = float(vpy.sum())
        hours = float((vpy * (vm + travel)).sum() / 60.0)
        days = hours / hours_per_day
        rows.append({"sales_rep": rep, "customers": len(grp), "visits": visits,
                     "travel_min": travel, "hours": hours, "days": days,
                     "capacity_days": field_days, "load_pct": 100 * days / field_days})
    return pd.DataFrame(rows, columns=["sales_rep", "customers", "visits", "travel_min",
                                       "hours", "days", "capacity_days", "load_pct"])


def estimate_travel_minutes(customers: pd.DataFrame, bases: Mapping, visits_per_day: float = 6,
                            speed_kmh: float = 60.0, detour: float = 1.3,
                            rep_col: str = "sales_rep") -> dict:
    """Travel minutes per visit for each rep, from the customers' coordinates.

    A day leaves the base, chains ``v`` visits and comes back: per visit,
    km = 2 x mean base distance / v + mean nearest-neighbour distance x (v - 1) / v
    (road km = haversine x ``detour``); minutes = km / ``speed_kmh`` x 60. Customers
    without coordinates are ignored; a rep without a base or customers gets none.

    >>> cust = pd.DataFrame({"sales_rep": ["A"] * 2, "latitude": [45.0, 45.0],
    ...                      "longitude": [4.0, 4.1]})
    >>> round(estimate_travel_minutes(cust, {"A": (45.0, 4.0)}, visits_per_day=2)["A"], 1)
    10.2
    """
    from core.geo import distance_matrix_km

    _require(customers, [rep_col, "latitude", "longitude"], "customers")
    if not visits_per_day >= 1 or not speed_kmh > 0:
        raise ValueError("visits per day must be at least 1 and the speed positive")
    out = {}
    for rep, (blat, blon) in bases.items():
        grp = customers[customers[rep_col] == rep]
        lat = pd.to_numeric(grp["latitude"], errors="coerce").to_numpy()
        lon = pd.to_numeric(grp["longitude"], errors="coerce").to_numpy()
        ok = np.isfinite(lat) & np.isfinite(lon)
        lat, lon = lat[ok], lon[ok]
        if not len(lat):
            continue
        km = distance_matrix_km(np.r_[blat, lat], np.r_[blon, lon]) * detour
        base_km = float(km[0, 1:].mean())
        inner = km[1:, 1:].copy()
        np.fill_diagonal(inner, np.inf)
        nn = float(inner.min(axis=1).mean()) if len(lat) > 1 else 0.0
        v = float(visits_per_day)
        per_visit = 2 * base_km / v + nn * (v - 1) / v
        out[rep] = per_visit / speed_kmh * 60.0
    return out


# ---------------------------------------------------------------------- contact plans
@dataclass
class ContactPlan:
    """Result of :func:`contact_plan`: ``detail`` (segment x channel) and ``summary``
    (per segment and a "total" row) with budget, expected orders, margin and ROI."""

    detail: pd.DataFrame
    summary: pd.DataFrame


def _channel_key(name) -> str:
    key = str(name).strip().lower()
    return CHANNEL_ALIASES.get(key, key)


def channel_costs_from_contacts(contacts: pd.DataFrame,
                                channels: Mapping = CHANNELS) -> dict:
    """Unit cost per channel measured on the contact history (mean ``cost``), merged
    into ``channels``; channels absent from the history keep their default.

    >>> cont = pd.DataFrame({"channel": ["visite", "visite"], "cost": [100.0, 140.0]})
    >>> channel_costs_from_contacts(cont)["visit"]["unit_cost"]
    120.0
    """
    out = {k: dict(v) for k, v in channels.items()}
    if contacts is None or not len(contacts) or "cost" not in contacts or \
            "channel" not in contacts:
        return out
    keys = contacts["channel"].map(_channel_key)
    cost = pd.to_numeric(contacts["cost"], errors="coerce")
    means = cost.groupby(keys).mean().dropna()
    for key, value in means.items():
        if key in out and value >= 0:
            out[key]["unit_cost"] = round(float(value), 2)
    return out


def average_order_margin(transactions: pd.DataFrame, segments: pd.Series, as_of,
                         months: int = 12) -> pd.Series:
    """Mean margin per order (invoice) per segment over the last ``months`` months.

    Falls back to the amount when there is no margin column; an order is an invoice_id
    (or a customer-day without one). Segments without orders are absent.

    >>> tx = pd.DataFrame({"invoice_id": ["F1", "F1", "F2"], "customer_id": ["C1"] * 3,
    ...                    "date": pd.to_datetime(["2026-10-01"] * 3),
    ...                    "amount": [100.0, 50.0, 80.0], "margin": [30.0, 10.0, 20.0]})
    >>> average_order_margin(tx, pd.Series({"C1": "A"}), "2026-10-31").to_dict()
    {'A': 30.0}
    """
    _require(transactions, ["customer_id", "date"], "transactions")
    as_of = pd.Timestamp(as_of)
    value = "margin" if "margin" in transactions else "amount"
    if value not in transactions:
        raise ValueError("the transactions table needs a margin or an amount column")
    t = transactions[(transactions["date"] > as_of - pd.DateOffset(months=months))
                     & (transactions["date"] <= as_of)]
    order = (t["invoice_id"].astype(str) if "invoice_id" in t
             else t["customer_id"].astype(str) + "|" + t["date"].dt.strftime("%Y%m%d"))
    per_order = pd.DataFrame({"order": order, "customer_id": t["customer_id"].astype(str),
                              "value": pd.to_numeric(t[value], errors="coerce")})
    per_order = per_order.groupby(["order", "customer_id"], sort=False)["value"].sum()
    per_order = per_order.reset_index()
    seg = _by_customer(segments, "segments")
    per_order["segment"] = per_order["customer_id"].map(seg)
    return per_order.dropna(subset=["segment"]).groupby("segment")["value"].mean()


def contact_plan(targets, mix: Mapping | None = None, channels: Mapping = CHANNELS,
                 margin_per_order=None) -> ContactPlan:
    """Budget, expected orders, margin and ROI of a channel mix per segment.

    For a segment of ``n`` customers receiving ``k_c`` contacts per customer on channel
    ``c`` (unit cost ``u_c``, response rate ``r_c``)::

        contacts_c = n * k_c;   cost = sum_c contacts_c * u_c
        P(order)   = 1 - prod_c (1 - r_c) ** k_c      (contacts act independently)
        orders     = n * P(order);   margin = orders * margin per order
        ROI        = (margin - cost) / cost

    Parameters
    ----------
    targets : Series or DataFrame
        Number of customers per segment (Series: segment -> count), or one row per
        target customer with a ``segment`` column.
    mix : dict
        segment -> {channel: contacts per customer}; segments absent use
        ``mix["default"]`` (:data:`DEFAULT_MIX`).
    channels : dict
        channel -> {"unit_cost", "response_rate"} (:data:`CHANNELS`).
    margin_per_order : float or dict or Series
        Margin of an expected order, per segment; segments absent take the "default"
        entry (0 if there is none).

    Returns
    -------
    ContactPlan

    Raises
    ------
    ValueError
        On an unknown channel, a negative count or cost, or a response rate outside 0..1.

    Examples
    --------
    >>> plan = contact_plan(pd.Series({"A": 10}), {"A": {"phone": 2}},
    ...                     {"phone": {"unit_cost": 10.0, "response_rate": 0.5}},
    ...                     margin_per_order=100.0)
    >>> plan.summary.loc["A", ["cost", "orders", "margin", "roi"]].tolist()
    [200.0, 7.5, 750.0, 2.75]
    """
    mix = DEFAULT_MIX if mix is None else mix
    if isinstance(targets, pd.DataFrame):
        _require(targets, ["segment"], "targets")
        counts = targets["segment"].astype(str).value_counts(sort=False)
    elif isinstance(targets, pd.Series | Mapping):
        counts = pd.Series(targets, dtype=float)
    else:
        raise ValueError("targets must be counts per segment or a table with a segment "
                         "column")
    order = {k: i for i, k in enumerate(VISIT_NORMS)}
    counts = counts.loc[sorted(counts.index, key=lambda k: (order.get(k, len(order)), str(k)))]
    if (counts < 0).any():
        raise ValueError("the number of targets cannot be negative")
    for name, ch in channels.items():
        if ch.get("unit_cost", 0) < 0 or not 0 <= ch.get("response_rate", 0) <= 1:
            raise ValueError(f"channel '{name}': the unit cost must be >= 0 and the "
                             "response rate between 0 and 100 %")
    if isinstance(margin_per_order, Mapping | pd.Series):
        mpo = {str(k): float(v) for k, v in dict(margin_per_order).items()}
    else:
        mpo = None
    rows, summary = [], []
    for seg, n in counts.items():
        seg_mix = mix.get(seg, mix.get("default", {}))
        miss = 1.0
        seg_cost = 0.0
        for ch, k in seg_mix.items():
            if ch not in channels:
                raise ValueError(f"unknown channel '{ch}' in the mix of '{seg}'; known: "
                                 + ", ".join(channels))
            if k < 0:
                raise ValueError(f"the number of {ch} contacts for '{seg}' cannot be negative")
            u, r = float(channels[ch]["unit_cost"]), float(channels[ch]["response_rate"])
            contacts = float(n) * float(k)
            rows.append({"segment": seg, "channel": ch, "customers": float(n),
                         "per_customer": float(k), "contacts": contacts,
                         "unit_cost": u, "cost": contacts * u, "response_rate": r,
                         "responses": contacts * r})
            seg_cost += contacts * u
            miss *= (1.0 - r) ** float(k)
        margin = (mpo.get(str(seg), mpo.get("default", 0.0)) if mpo is not None
                  else float(margin_per_order or 0.0))
        orders = float(n) * (1.0 - miss)
        summary.append({"segment": seg, "customers": float(n), "cost": seg_cost,
                        "cost_per_customer": seg_cost / n if n else 0.0,
                        "orders": orders, "margin_per_order": margin,
                        "margin": orders * margin})
    detail = pd.DataFrame(rows, columns=["segment", "channel", "customers", "per_customer",
                                         "contacts", "unit_cost", "cost", "response_rate",
                                         "responses"])
    summ = pd.DataFrame(summary, columns=["segment", "customers", "cost", "cost_per_customer",
                                          "orders", "margin_per_order", "margin"])
    if len(summ):
        total = summ[["customers", "cost", "orders", "margin"]].sum()
        summ = pd.concat([summ, pd.DataFrame([{
            "segment": "total", **total.to_dict(),
            "cost_per_customer": total["cost"] / total["customers"] if total["customers"]
            else 0.0,
            "margin_per_order": total["margin"] / total["orders"] if total["orders"]
            else 0.0}])], ignore_index=True)
    summ["net"] = summ["margin"] - summ["cost"]
    summ["roi"] = np.where(summ["cost"] > 0, summ["net"] / summ["cost"].where(
        summ["cost"] > 0, 1.0), np.nan)
    for col in ("cost", "orders", "margin", "net", "cost_per_customer"):
        summ[col] = summ[col].round(2)
    summ["roi"] = summ["roi"].round(4)
    return ContactPlan(detail, summ.set_index("segment"))


def touch_sequence(targets: pd.DataFrame, event_date,
                   steps: Sequence[tuple] = TOUCH_SEQUENCE,
                   avoid_weekends: bool = True) -> pd.DataFrame:
    """The dated touches of a campaign for each target (J-15 e-mail ... J+1 thank-you).

    date = event date + offset days; with ``avoid_weekends`` a touch falling on a
    Saturday or Sunday moves to the Friday before (touches before the event) or the
    Monday after (touches after it).

    Parameters
    ----------
    targets : DataFrame
        customer_id and any columns to carry (name, email, phone, segment...).
    event_date : date-like
    steps : sequence of (offset days, channel, action)

    Returns
    -------
    DataFrame
        One row per target and step, in date order: customer_id, carried columns,
        step, offset ("J-15"), date, channel, action.

    Raises
    ------
    ValueError
        If the targets have no customer_id or a step is malformed.

    Examples
    --------
    >>> t = touch_sequence(pd.DataFrame({"customer_id": ["C1"]}), "2026-11-20")
    >>> t[["offset", "date", "channel"]].astype(str).values.tolist()[:2]
    [['J-15', '2026-11-05', 'email'], ['J-10', '2026-11-10', 'email']]
    """
    _require(targets, ["customer_id"], "targets")
    try:
        event = pd.Timestamp(event_date).normalize()
    except (ValueError, TypeError) as exc:
        raise ValueError("the event date must be a date such as '2026-11-20'") from exc
    rows = []
    for i, step in enumerate(steps, start=1):
        try:
            offset, channel, action = int(step[0]), str(step[1]), str(step[2])
        except (TypeError, ValueError, IndexError) as exc:
            raise ValueError("each step must be (days from the event, channel, action)") \
                from exc
        day = event + timedelta(days=offset)
        if avoid_weekends and day.weekday() >= 5:
            day = (day - timedelta(days=day.weekday() - 4) if offset <= 0
                   else day + timedelta(days=7 - day.weekday()))
        label = "J" if offset == 0 else f"J{offset:+d}"
        rows.append({"step": i, "offset": label, "date": day, "channel": channel,
                     "action": action})
    plan = pd.DataFrame(rows, columns=["step", "offset", "date", "channel", "action"])
    tg = targets.reset_index(drop=True).copy()
    tg["customer_id"] = tg["customer_id"].astype(str)
    out = tg.merge(plan, how="cross")
    out = out.sort_values(["date", "step", "customer_id"], kind="stable")
    return out.reset_index(drop=True)
