"""Outlet networks (shared templates, credit forms, copying in step) and the attribution audit."""

from .audit import AuditFinding, audit_copy
from .group import NetworkOptions, NetworkRow, find_networks
from .profiles import OutletProfile, build_profiles, profile_row
from .stage import audit_stage, format_networks, network_rows, networks_stage, outlet_profiles

__all__ = [
    "AuditFinding", "NetworkOptions", "NetworkRow", "OutletProfile", "audit_copy", "audit_stage",
    "build_profiles", "find_networks", "format_networks", "network_rows", "networks_stage",
    "outlet_profiles", "profile_row",
]
