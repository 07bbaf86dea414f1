"""The office behind the site (OFFICE in pelicanconf.py): its emblem, contacts
and schema.org GovernmentOrganization for the templates, and the values that
are still placeholders (None), which `check` warns of in production."""

import ast
from pathlib import Path

from pelican import signals

# What a template may show; `social` is a list of (name, address).
FIELDS = (
    "name",
    "short_name",
    "emblem",
    "street_address",
    "locality",
    "region",
    "postal_code",
    "telephone",
    "email",
    "social",
)


def organization(office: dict, site_url: str) -> dict:
    """schema.org's GovernmentOrganization, with only what is known."""
    address = {
        "@type": "PostalAddress",
        "streetAddress": office.get("street_address"),
        "addressLocality": office.get("locality"),
        "addressRegion": office.get("region"),
        "postalCode": office.get("postal_code"),
        "addressCountry": "ID",
    }
    known = {
        "@type": "GovernmentOrganization",
        # Articles name their publisher by this id, with its name and URL
        # only: the whole office is on Kontak.
        "@id": site_url.rstrip("/") + "/#kantor",
        "name": office.get("name"),
        "alternateName": office.get("short_name"),
        "url": site_url.rstrip("/") + "/",
        "address": {key: value for key, value in address.items() if value},
        "telephone": office.get("telephone"),
        "email": office.get("email"),
        "sameAs": [url for _name, url in office.get("social") or ()],
    }
    return {key: value for key, value in known.items() if value}


def field_lines(settings_file: Path) -> dict[str, int]:
    """The line of each OFFICE field in SETTINGS_FILE, and of OFFICE itself."""
    lines = {"OFFICE": 1}
    for node in ast.walk(ast.parse(settings_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "OFFICE" for target in node.targets
        ):
            keys = getattr(node.value, "keys", ())
            lines = {"OFFICE": node.lineno}
            lines |= {key.value: key.lineno for key in keys if isinstance(key, ast.Constant)}
    return lines


def placeholders(office: dict, settings_file: Path) -> list[tuple[str, int]]:
    """(field, line in SETTINGS_FILE) of each OFFICE field that is still None."""
    lines = field_lines(settings_file)
    return [
        (field, lines.get(field, lines["OFFICE"])) for field in FIELDS if office.get(field) is None
    ]


def add_organization(pelican):
    settings = pelican.settings
    office = settings.get("OFFICE") or {}
    site_url = settings.get("CANONICAL_SITEURL") or settings.get("SITEURL", "")
    settings["OFFICE_ORGANIZATION"] = organization(office, site_url)


def register():
    signals.initialized.connect(add_organization)
