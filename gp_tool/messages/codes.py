"""Namespaces, code systems (Volven OIDs) and the code values of the SM2013 message."""

from __future__ import annotations

from typing import Final

from gp_tool.domain.case import ArbeidsrelatertArsak, DiagnosisSystem, MedisinskArsak

NS_MSGHEAD: Final = "http://www.kith.no/xmlstds/msghead/2006-05-24"
NS_SM2013: Final = "http://www.kith.no/xmlstds/HelseOpplysningerArbeidsuforhet/2013-10-01"
NS_FK1: Final = "http://www.kith.no/xmlstds/felleskomponent1"
NS_FELLESFORMAT: Final = "http://www.trygdeetaten.no/xml/eiff/1/"
NS_XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"

MSG_TYPE: Final = "SYKMELD"
MSG_TYPE_DN: Final = "Medisinsk vurdering av arbeidsmulighet ved sykdom, sykmelding"
MIG_VERSION: Final = "v1.2 2006-05-24"
NAV_ORG_NUMBER: Final = "889640782"
RULESET_VERSION: Final = "3"  # NAV's regelsett with the 2026 week 7/17/39 questions

OID_IDENT: Final = "2.16.578.1.12.4.1.1.8116"  # FNR, DNR, HPR
OID_ORG: Final = "2.16.578.1.12.4.1.1.9051"  # ENH (Enhetsregisteret)
OID_EMPLOYERS: Final = "2.16.578.1.12.4.1.1.8130"  # HarArbeidsgiver
OID_OTHER_ABSENCE: Final = "2.16.578.1.12.4.1.1.8131"  # annen lovfestet fraværsgrunn
OID_WORK_REASON: Final = "2.16.578.1.12.4.1.1.8132"  # arbeidsrelatert årsak
OID_MEDICAL_REASON: Final = "2.16.578.1.12.4.1.1.8133"  # medisinsk årsak
OID_RESTRICTION: Final = "2.16.578.1.12.4.1.1.8134"  # svar-restriksjon

DIAGNOSIS_OIDS: Final[dict[DiagnosisSystem, str]] = {
    DiagnosisSystem.ICPC2: "2.16.578.1.12.4.1.1.7170",
    DiagnosisSystem.ICPC2B: "2.16.578.1.12.4.1.1.7171",
    DiagnosisSystem.ICD10: "2.16.578.1.12.4.1.1.7110",
}
DIAGNOSIS_SYSTEMS: Final[dict[str, DiagnosisSystem]] = {v: k for k, v in DIAGNOSIS_OIDS.items()}

EMPLOYERS: Final[dict[str, tuple[str, str]]] = {
    "ONE": ("1", "Én arbeidsgiver"),
    "SEVERAL": ("2", "Flere arbeidsgivere"),
    "NONE": ("3", "Ingen arbeidsgiver"),
}
EMPLOYERS_BY_CODE: Final[dict[str, str]] = {code: key for key, (code, _) in EMPLOYERS.items()}

MEDICAL_REASONS: Final[dict[MedisinskArsak, tuple[str, str]]] = {
    MedisinskArsak.TILSTAND_HINDRER_AKTIVITET: (
        "1",
        "Helsetilstanden hindrer pasienten i å være i aktivitet",
    ),
    MedisinskArsak.AKTIVITET_FORVERRER_TILSTAND: ("2", "Aktivitet vil forverre helsetilstanden"),
    MedisinskArsak.AKTIVITET_FORHINDRER_BEDRING: (
        "3",
        "Aktivitet vil hindre/forsinke bedring av helsetilstanden",
    ),
    MedisinskArsak.ANNET: ("9", "Annet"),
}
MEDICAL_REASONS_BY_CODE: Final = {code: key for key, (code, _) in MEDICAL_REASONS.items()}

WORK_REASONS: Final[dict[ArbeidsrelatertArsak, tuple[str, str]]] = {
    ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING: ("1", "Manglende tilrettelegging på arbeidsplassen"),
    ArbeidsrelatertArsak.ANNET: ("9", "Annet"),
}
WORK_REASONS_BY_CODE: Final = {code: key for key, (code, _) in WORK_REASONS.items()}

RESTRICTION_EMPLOYER: Final = ("A", "Informasjonen skal ikke vises arbeidsgiver")

#: Felleskomponent1 element names some systems write in the default namespace (accepted on import).
FK1_NAMES: Final = frozenset(
    {
        "Id",
        "TypeId",
        "TypeTelecom",
        "TeleAddress",
        "Type",
        "StreetAdr",
        "PostalCode",
        "City",
        "Postbox",
        "County",
        "Country",
    }
)
#: SM2013 elements of a felleskomponent1 type: their children belong to the fk1 namespace.
FK1_PARENTS: Final = frozenset({"Fodselsnummer", "KontaktInfo", "Id", "Adresse"})

#: NAV's 2026 question ids → the syk-inn key whose text the code list holds (as the NAV note prints them).
QUESTION_KEYS_2026: Final[dict[str, str]] = {
    "6.3.1": "medisinskOppsummering",
    "6.3.2": "utfordringerMedArbeid",
    "6.3.3": "hensynPaArbeidsplassen",
    "6.4.1": "sykdomsutvikling",
    "6.4.2": "arbeidsrelaterteUtfordringer",
    "6.4.3": "behandlingOgFremtidigArbeid",
    "6.4.4": "uavklarteForhold",
    "6.5.1": "oppdatertMedisinskStatus",
    "6.5.2": "realistiskMestringArbeid",
    "6.5.3": "forventetHelsetilstandUtvikling",
    "6.5.4": "medisinskeHensyn",
}
GROUP_TEXTS_2026: Final[dict[str, str]] = {
    "6.3": "Opplysninger ved uke 7",
    "6.4": "Opplysninger ved uke 17",
    "6.5": "Opplysninger ved uke 39",
}
