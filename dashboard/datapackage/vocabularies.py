"""Closed vocabularies of the data package, each defined once with a plain-words label."""

from __future__ import annotations

MEMBERSHIP_STATUSES: dict[str, str] = {
    "founding_member": "Founding member",
    "member": "Member",
    "associate_member": "Associate member",
    "observer": "Observer",
    "dialogue_partner": "Dialogue partner",
    "partner_country": "Partner country",
    "applicant": "Applicant",
    "suspended": "Suspended",
}

ORGANIZATION_KINDS: dict[str, str] = {
    "political_security": "Political and security organization",
    "intergovernmental_forum": "Intergovernmental forum",
    "economic_union": "Economic union",
    "economic_cooperation": "Economic cooperation organization",
    "security_alliance": "Security alliance",
    "commonwealth": "Commonwealth",
    "supranational_union": "Supranational union",
    "commodity_organization": "Commodity organization",
    "political_movement": "Political movement",
    "igo": "Intergovernmental organization",
}

AGREEMENT_KINDS: dict[str, str] = {
    "treaty": "Treaty",
    "agreement": "Agreement",
    "memorandum": "Memorandum",
    "roadmap": "Roadmap",
    "joint_statement": "Joint statement",
    "protocol": "Protocol",
    "programme": "Programme",
    "declaration": "Declaration",
    "contract": "Contract",
}

AGREEMENT_STATUSES: dict[str, str] = {
    "planned": "Planned",
    "under_negotiation": "Under negotiation",
    "signed": "Signed",
    "in_force": "In force",
    "expired": "Expired",
    "terminated": "Terminated",
}

SECTORS: dict[str, str] = {
    "political": "Political",
    "legal": "Legal",
    "trade": "Trade",
    "customs": "Customs",
    "industry": "Industry",
    "agriculture": "Agriculture",
    "pharmaceuticals": "Pharmaceuticals",
    "health": "Health",
    "tourism": "Tourism",
    "culture": "Culture",
    "media": "Media",
    "education": "Education",
    "science_technology": "Science and technology",
    "environment": "Environment",
    "investment": "Investment",
    "free_zones": "Free and special economic zones",
    "finance": "Finance",
    "energy": "Energy",
    "transport": "Transport",
    "defence": "Defence",
    "security": "Security",
    "standards": "Standards",
}

EVENT_KINDS: dict[str, str] = {
    "state_visit": "State visit",
    "official_visit": "Official visit",
    "working_visit": "Working visit",
    "summit": "Summit",
    "commission_session": "Joint commission session",
    "exhibition": "Exhibition",
    "meeting": "Meeting",
}

PLACE_KINDS: dict[str, str] = {
    "city": "City",
    "port": "Port",
    "border_crossing": "Border crossing",
    "free_zone": "Free zone",
    "junction": "Junction",
}

CORRIDORS: dict[str, str] = {
    "belarus_russia": "Belarus–Russia feeder",
    "instc_western": "INSTC western branch (Azerbaijan)",
    "instc_trans_caspian": "INSTC trans-Caspian branch (sea)",
    "instc_eastern": "INSTC eastern branch (Kazakhstan–Turkmenistan)",
    "iran_trunk": "Iran trunk to the Persian Gulf",
}

MODES: dict[str, str] = {
    "rail": "Rail",
    "road": "Road",
    "sea": "Sea",
    "inland_waterway": "Inland waterway",
}

SEGMENT_STATUSES: dict[str, str] = {
    "operational": "Operational",
    "under_construction": "Under construction",
    "planned": "Planned",
    "gap": "Gap (missing link)",
}

TRADE_FLOWS: dict[str, str] = {
    "export": "Export",
    "import": "Import",
    "turnover": "Turnover (exports + imports)",
}

COVERAGE: dict[str, str] = {
    "complete": "Complete",
    "partial": "Partial",
}

LENGTH_BASIS: dict[str, str] = {
    "sourced": "Sourced",
    "estimated": "Estimated from the drawn route",
}

ALL: dict[str, dict[str, str]] = {
    "membership status": MEMBERSHIP_STATUSES,
    "organization kind": ORGANIZATION_KINDS,
    "agreement kind": AGREEMENT_KINDS,
    "agreement status": AGREEMENT_STATUSES,
    "sector": SECTORS,
    "event kind": EVENT_KINDS,
    "place kind": PLACE_KINDS,
    "corridor": CORRIDORS,
    "mode": MODES,
    "segment status": SEGMENT_STATUSES,
    "trade flow": TRADE_FLOWS,
    "coverage": COVERAGE,
    "length basis": LENGTH_BASIS,
}


def label(vocabulary: dict[str, str], value: str) -> str:
    """Plain-words label of a vocabulary value, or the value itself if unknown."""
    return vocabulary.get(value, value)
