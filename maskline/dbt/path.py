"""Where the ``maskline`` dbt package lives: inside the installed wheel, or in a source checkout.

>>> (package_path() / "dbt_project.yml").is_file()
True
"""

from __future__ import annotations

from pathlib import Path

from maskline.errors import InputError

WHEEL_DIR = "_dbt_package"  # pyproject force-includes dbt_macros/ here


def package_path() -> Path:
    """The directory to put in ``packages.yml`` as ``- local: <path>``."""
    import maskline

    here = Path(maskline.__file__).resolve().parent
    for candidate in (here / WHEEL_DIR, here.parent / "dbt_macros"):
        if (candidate / "dbt_project.yml").is_file():
            return candidate
    raise InputError("the maskline dbt package is not installed with this maskline", where=str(here),
                     fix="reinstall maskline from a wheel, or use `git: ... subdirectory: dbt_macros` in packages.yml")
