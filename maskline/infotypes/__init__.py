"""Info types: the catalogue of sensitive data kinds, their detectors and name hints."""

from __future__ import annotations

from maskline.infotypes.catalogue import CATEGORIES, INFO_TYPES, InfoType

__all__ = ["CATEGORIES", "INFO_TYPES", "InfoType"]
