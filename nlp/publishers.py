"""The government a page's own site belongs to, read from its URL (`doc._.publisher`): a release on gov.uk that
says 'the government will sign a deal with Cornwall' makes the UK government a party without naming it, a bare
'$' in a release on canada.ca is the Canadian dollar (`nlp.currencies`), and an acronym is first read as one of
that country's public bodies (`nlp.bodies`)."""

from __future__ import annotations

from urllib.parse import urlsplit

# Host suffixes of government sites, longest first wins; each names the country (or body) whose
# government publishes there, spelled as the gazetteer spells it.
GOVERNMENT_SUFFIXES: dict[str, str] = {
    "gov.uk": "United Kingdom",
    "parliament.uk": "United Kingdom",
    "gov.scot": "United Kingdom",
    "gov.wales": "United Kingdom",
    "gov.in": "India",
    "nic.in": "India",
    "gov.au": "Australia",
    "gc.ca": "Canada",
    "canada.ca": "Canada",
    "govt.nz": "New Zealand",
    "gov.ie": "Ireland",
    "gov.rs": "Serbia",
    "gov.mk": "North Macedonia",
    "gov.al": "Albania",
    "rks-gov.net": "Kosovo",
    # the western Balkans' governments publish in English on their own domains
    "vlada.mk": "North Macedonia",
    "kryeministria.al": "Albania",
    "gov.me": "Montenegro",
    "gov.ba": "Bosnia and Herzegovina",
    "gov.hr": "Croatia",
    "gov.si": "Slovenia",
    # governments whose releases presswatch reads in English elsewhere in the world
    "gov.sg": "Singapore",
    "gov.my": "Malaysia",
    "gov.ph": "Philippines",
    "gov.pk": "Pakistan",
    "gov.lk": "Sri Lanka",
    "gov.np": "Nepal",
    "gov.bd": "Bangladesh",
    "go.ke": "Kenya",
    "go.ug": "Uganda",
    "go.tz": "Tanzania",
    "gov.ng": "Nigeria",
    "gov.gh": "Ghana",
    "gov.za": "South Africa",
    "gov.na": "Namibia",
    "gov.bw": "Botswana",
    "gov.zm": "Zambia",
    "gov.mw": "Malawi",
    "gov.rw": "Rwanda",
    "gov.jm": "Jamaica",
    "gov.tt": "Trinidad and Tobago",
    "gov.fj": "Fiji",
    # more governments that publish in English and write their own currency as '$' or 'Rs'
    "gov.bb": "Barbados",
    "gov.bs": "Bahamas",
    "gov.gy": "Guyana",
    "gov.bz": "Belize",
    "gov.lr": "Liberia",
    "gov.bn": "Brunei",
    "gov.tw": "Taiwan",
    "gov.sb": "Solomon Islands",
    "gov.ws": "Samoa",
    "gov.pg": "Papua New Guinea",
    "gov.ag": "Antigua and Barbuda",
    "gov.dm": "Dominica",
    "gov.gd": "Grenada",
    "govt.lc": "Saint Lucia",
    "gov.kn": "Saint Kitts and Nevis",
    "gov.vc": "Saint Vincent and the Grenadines",
    "govmu.org": "Mauritius",
    "gov.sc": "Seychelles",
    "gov.mv": "Maldives",
    "gov.zw": "Zimbabwe",
    "gov.sl": "Sierra Leone",
    "gov.gm": "Gambia",
    "gov.ls": "Lesotho",
    "gov.sz": "Eswatini",
    "gov.mt": "Malta",
    "gov.cy": "Cyprus",
    # governments of Latin America and Asia whose ministries publish releases in English too
    "gob.mx": "Mexico",
    "gob.ar": "Argentina",
    "gov.br": "Brazil",
    "gob.cl": "Chile",
    "gov.co": "Colombia",
    "gob.pe": "Peru",
    "gov.vn": "Vietnam",
    "go.id": "Indonesia",
    "go.th": "Thailand",
    # Canada's provinces and territories publish on their own domains: a province's '$' is the Canadian
    # dollar; like a US state's (.gov) or Scotland's (gov.scot), its government counts as its country's.
    "ontario.ca": "Canada",
    "gov.bc.ca": "Canada",
    "alberta.ca": "Canada",
    "saskatchewan.ca": "Canada",
    "gov.mb.ca": "Canada",
    "quebec.ca": "Canada",
    "gouv.qc.ca": "Canada",
    "gnb.ca": "Canada",
    "novascotia.ca": "Canada",
    "princeedwardisland.ca": "Canada",
    "gov.pe.ca": "Canada",
    "gov.nl.ca": "Canada",
    "yukon.ca": "Canada",
    "gov.yk.ca": "Canada",
    "gov.nt.ca": "Canada",
    "gov.nu.ca": "Canada",
    "europa.eu": "European Union",
    # an archive that publishes one government's papers only: the American Presidency Project's addresses are the
    # US government's ('Congress', 'the Justice Department', '$')
    "presidency.ucsb.edu": "United States",
    "gov": "United States",
    "mil": "United States",
}


def publishing_government(url: str) -> str | None:
    """'https://www.gov.uk/government/news/x' → 'United Kingdom'; a newspaper's site → None."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    for size in range(len(labels), 0, -1):
        suffix = ".".join(labels[-size:])
        if suffix in GOVERNMENT_SUFFIXES:
            return GOVERNMENT_SUFFIXES[suffix]
    return None
