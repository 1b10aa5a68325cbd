"""Built-in word lists for ``fake``: small, fixed and shipped, so fakes are reproducible offline."""

from __future__ import annotations

FIRST_NAMES = (
    "Ada", "Alan", "Alba", "Ana", "Anton", "Aria", "Bea", "Ben", "Carla", "Cyril", "Dara", "Dev", "Eda", "Eli",
    "Emil", "Ena", "Finn", "Flora", "Gia", "Gus", "Hana", "Hugo", "Ida", "Ines", "Ivo", "Jana", "Joel", "Kai",
    "Kira", "Lars", "Lea", "Leo", "Lina", "Luca", "Mara", "Milo", "Nia", "Noor", "Olaf", "Omar", "Pia", "Quin",
    "Rafa", "Rhea", "Rosa", "Sami", "Sara", "Teo", "Tilda", "Uma", "Vera", "Vito", "Wren", "Xena", "Yara", "Yves",
    "Zane", "Zoe", "Arlo", "Bruna", "Cleo", "Dante", "Esme", "Femi",
)
LAST_NAMES = (
    "Abara", "Berg", "Calder", "Dunmore", "Ekberg", "Falk", "Garnet", "Holm", "Ibsen", "Jarvik", "Kestrel",
    "Lindqvist", "Marlow", "Nyberg", "Orwell", "Pascoe", "Quill", "Rowan", "Sorensen", "Tamsin", "Ulric",
    "Vance", "Wexley", "Yarrow", "Zeller", "Ashby", "Brook", "Corwin", "Drayton", "Ellery", "Fenwick", "Gale",
    "Hartley", "Ingram", "Jessup", "Kimber", "Lowell", "Merritt", "Norcross", "Oakes", "Prescott", "Radley",
    "Selby", "Thorne", "Upton", "Voss", "Whitlock", "Yeats", "Aldana", "Bastos", "Cortez", "Duarte", "Esteves",
    "Farias", "Galvao", "Herrera", "Iriarte", "Jurado", "Lozano", "Moraes", "Navarro", "Ortega", "Paredes", "Quiroga",
)
WORDS = (
    "amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "island", "juniper", "kestrel",
    "lagoon", "meadow", "nectar", "orchid", "pebble", "quartz", "raven", "sierra", "tundra", "umber", "violet",
    "willow", "xenon", "yonder", "zephyr", "acorn", "breeze", "canyon", "dune", "estuary", "falcon", "glacier",
    "heron", "indigo", "jasper", "kelp", "lichen", "maple", "nimbus", "onyx", "prairie", "quiver", "reef",
    "saffron", "thistle", "upland", "valley", "walnut", "yarrow", "zinnia", "aspen", "basalt", "coral", "dawn",
    "elm", "fern", "garnet", "hazel", "iris", "jade", "koi", "lotus", "moss",
)
