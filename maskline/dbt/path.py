"""Where the ``maskline`` dbt package lives: inside the installed wheel, or in a source checkout.

dbt writes a ``local:`` path into ``package-lock.yml`` exactly as given, so
:func:`local_path` gives it relative to the dbt project: an absolute
site-packages path would tie the committed lock file to one machine.

>>> (package_path() / "dbt_project.yml").is_file()
True
"""

from __future__ import annotations

import os
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


def local_path(project_dir: str | Path = ".") -> str:
    """The package's path relative to ``project_dir``, for ``packages.yml`` (absolute only across drives).

    >>> local_path(package_path().parent) == package_path().name
    True
    """
    target = package_path()
    try:
        return os.path.relpath(target, Path(project_dir).resolve())
    except ValueError:  # another drive on Windows: no relative path exists
        return str(target)
