"""Column-name hints from SAP's data dictionary: the German contractions SAP has named its fields with since R/3.

SAP tables (KNA1 customers, LFA1 vendors, ADRC/ADR2/ADR6 addresses, PA0002/PA0006/PA0009 HR records, KNBK/LFBK
bank details) hold a large share of the world's enterprise personal data, under field names that are neither words
nor vowel-dropped skeletons (``PSTLZ`` for Postleitzahl, ``GBDAT`` for Geburtsdatum), so neither the hint lists
nor the abbreviation rules of ``name_hints`` can read them. They are fixed names, not a language: each is listed
as it is spelled, and matches only as a whole word (a five-letter field name inside a longer word is another word:
``bankn`` opens ``bankname``). SAP's digits belong to the field name (``TELF1``, ``ORT01``): ``name_hints`` rejoins
a word and its digits when together they spell a listed word.

What is left out is left out on purpose, and tests pin it:

- ``BANKL`` (Bankschlüssel) is the bank key, a routing or sort code: public, not the account (``BANKN``);
- ``KUNNR``, ``LIFNR``, ``PERNR`` (customer, vendor, personnel numbers) are the system's own record keys, like
  ``customer_id``; no info type here is an internal key;
- ``ORT01`` (city), ``LAND1`` (country), ``REGIO`` (region) are coarse places, not addresses;
- ``MATNR``, ``WERKS``, ``BUKRS``, ``MENGE``, ``WAERS`` (material, plant, company code, quantity, currency) are
  business data.

>>> SAP_NAME_HINTS["POSTAL_CODE"][0]
'pstlz'
"""

from __future__ import annotations

SAP_NAME_HINTS: dict[str, tuple[str, ...]] = {
    # PSTLZ: the postal code of an address (KNA1, LFA1, PA0006); PSTL2: of a post-office box; POST_CODE1 (ADRC)
    # is read as English already.
    "POSTAL_CODE": ("pstlz", "pstl2"),
    # TELF1, TELF2: first and second telephone; TELFX: telefax; TELNR: Telefonnummer (PA0006, and German schemas
    # beyond SAP); TELBX: telebox.
    "PHONE": ("telf1", "telf2", "telfx", "telnr", "telbx"),
    # STRAS: Straße und Hausnummer; HSNMR: Hausnummer (PA0006).
    "STREET_ADDRESS": ("stras", "hsnmr"),
    # GBDAT: Geburtsdatum (PA0002).
    "DATE_OF_BIRTH": ("gbdat",),
    # BANKN: Bankkontonummer (KNBK, LFBK, PA0009), beside BANKL, the bank key, which is no account.
    "BANK_ACCOUNT": ("bankn",),
    # NACHN: Nachname; VORNA: Vorname; RUFNM: Rufname, the name a person goes by; NAME2 in PA0002 is the birth
    # name, but NAME1..NAME4 elsewhere hold firms as often as people, so they keep the generic "name" reading.
    "PERSON_NAME": ("nachn", "vorna", "rufnm"),
    # PERID: the personal identification number of PA0002, which holds each country's national number (the US
    # SSN, the French NIR); the values say which.
    "NATIONAL_ID": ("perid",),
}

# SAP's record keys: material, customer, vendor and personnel numbers, sales, purchasing, accounting and order
# documents. Zero-padded to 18 or 10 digits, they take the shapes of account numbers; under these names they are
# keys (``name_hints.KEY_WORDS``), which value rules that read digits as codes or accounts respect.
SAP_RECORD_KEYS: frozenset[str] = frozenset({"matnr", "kunnr", "lifnr", "pernr", "vbeln", "ebeln", "belnr", "aufnr"})

# Every SAP hint matches only as a whole word (see the module's docstring).
SAP_WORD_ONLY: frozenset[str] = frozenset(h for hints in SAP_NAME_HINTS.values() for h in hints)
