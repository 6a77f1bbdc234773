"""Public bodies by every name their governments give them: 'CRA' and 'Canada Revenue Agency' are one body.

A release names a body by its acronym alone more often than not ('HM Treasury, DfT and DVLA agreed'), and
nothing in the text spells it out. One table per country in `nlp/data/bodies_<code>.tsv` (see `tables`; the
EU's institutions and `bodies_int.tsv`, UN bodies, international organisations and news agencies, are read in
every document) lets the resolver store each body's full name, and lets the entity ruler (`marker`) find
names the model misses; an acronym is read with the document's countries, since one acronym can be two
countries' bodies.
"""

from nlp.bodies.marker import BodyMarker, document_countries, post_nominal, publisher
from nlp.bodies.tables import PublicBody, applicable, public_bodies, public_body

__all__ = [
    "BodyMarker",
    "PublicBody",
    "applicable",
    "document_countries",
    "post_nominal",
    "public_bodies",
    "public_body",
    "publisher",
]
