"""Write and read the SM2013 sykmelding (HelseOpplysningerArbeidsuforhet 2013-10-01) inside MsgHead 1.2.

Validation uses lxml (libxml2) against NAV's schemas shipped in ``gp_tool/resources/xsd/`` (MIT,
navikt/syfo-xml-codegen): one driver schema imports MsgHead, SM2013 and EI_fellesformat so that the
envelope's ``Content`` (``processContents="strict"``) is checked too.

Reading is safe by construction: no network, no DTD loading, no entity expansion, libxml2's size
limits on (``huge_tree`` off), and a document with a DOCTYPE is refused before any element is used.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from lxml import etree

from gp_tool.domain.case import Backdating, Diagnosis, PeriodKind
from gp_tool.i18n.markers import N_
from gp_tool.messages.codes import (
    DIAGNOSIS_OIDS,
    DIAGNOSIS_SYSTEMS,
    EMPLOYERS,
    EMPLOYERS_BY_CODE,
    FK1_NAMES,
    FK1_PARENTS,
    MEDICAL_REASONS,
    MEDICAL_REASONS_BY_CODE,
    MIG_VERSION,
    MSG_TYPE,
    MSG_TYPE_DN,
    NAV_ORG_NUMBER,
    NS_FELLESFORMAT,
    NS_FK1,
    NS_MSGHEAD,
    NS_SM2013,
    NS_XSI,
    OID_IDENT,
    OID_MEDICAL_REASON,
    OID_ORG,
    OID_WORK_REASON,
    RESTRICTION_EMPLOYER,
    RULESET_VERSION,
    WORK_REASONS,
    WORK_REASONS_BY_CODE,
)
from gp_tool.messages.model import Answer, MessagePeriod, Sender, SykmeldingMessage, question_text, split_name

__all__ = [
    "MAX_FILE_BYTES",
    "MessageError",
    "read_messages",
    "schema",
    "to_xml",
    "validate",
]

MAX_FILE_BYTES: Final = 2_000_000
"""A sykmelding message is a few kilobytes; anything larger is refused before parsing."""
MAX_TEXT: Final = 20_000
"""The case model's longest text (LongText): a longer text in a message is refused, naming its element."""

_ELEMENT: Final = re.compile(r"Element '(?:\{[^}]*\})?([^']+)'")
_M = f"{{{NS_MSGHEAD}}}"
_S = f"{{{NS_SM2013}}}"
_F = f"{{{NS_FK1}}}"


class MessageError(Exception):
    """A message that cannot be read: ``line`` (0 when unknown), ``element`` and a message id with params."""

    def __init__(self, line: int, element: str, message: str, **params: object) -> None:
        super().__init__(f"{line}: {element}: {message.format(**params)}")
        self.line = line
        self.element = element
        self.message = message
        self.params = params


# ---------------------------------------------------------------------------------------------- schema


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


@cache
def schema() -> etree.XMLSchema:
    """One schema for MsgHead 1.2, SM2013 and EI_fellesformat (loaded once, from the shipped files)."""
    root = Path(str(resources.files("gp_tool") / "resources" / "xsd"))
    imports = {
        NS_MSGHEAD: root / "kith-hodemelding" / "MsgHead-v1_2.xsd",
        NS_SM2013: root / "sm2013" / "HelseOpplysningerArbeidsuforhet_2013-10-01.xsd",
        NS_FELLESFORMAT: root / "fellesformat" / "NAV_Fellesformat-v1_eia2.xsd",
    }
    lines = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{path.as_uri()}"/>' for ns, path in imports.items()
    )
    driver = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:arbeidsfokus:driver">'
        f"{lines}</xs:schema>"
    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=True)  # xmldsig's own DTD
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=root.as_uri() + "/"))


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else str(tag)


def validate(tree: etree._Element) -> None:
    """Raise :class:`MessageError` naming the first element that breaks the schemas."""
    xsd = schema()
    if xsd.validate(tree):
        return
    error = xsd.error_log[0]
    match = _ELEMENT.search(error.message)
    element = match.group(1) if match else "?"
    raise MessageError(error.line, element, N_("the schema refuses it: {detail}"), detail=error.message)


# ---------------------------------------------------------------------------------------------- writing


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v})
    if text is not None:
        node.text = text
    return node


def _ident(parent: etree._Element, tag: str, ns: str, value: str, code: str, dn: str) -> None:  # noqa: PLR0917
    node = _el(parent, tag)
    _el(node, ns + "Id", value)
    _el(node, ns + "TypeId", DN=dn, S=OID_IDENT if code != "ENH" else OID_ORG, V=code)


def _id_kind(national_id: str) -> tuple[str, str]:
    return ("DNR", "D-nummer") if national_id[:1] in "4567" else ("FNR", "Fødselsnummer")


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _msghead(message: SykmeldingMessage) -> etree._Element:
    head = etree.Element(_M + "MsgHead", nsmap={None: NS_MSGHEAD, "xsi": NS_XSI})
    info = _el(head, _M + "MsgInfo")
    _el(info, _M + "Type", DN=MSG_TYPE_DN, V=MSG_TYPE)
    _el(info, _M + "MIGversion", MIG_VERSION)
    _el(info, _M + "GenDate", message.generated.isoformat(timespec="seconds"))
    _el(info, _M + "MsgId", message.msg_id)
    org = _el(_el(info, _M + "Sender"), _M + "Organisation")
    _el(org, _M + "OrganisationName", message.sender.practice)
    _ident(org, _M + "Ident", _M, message.sender.org_number, "ENH", "Organisasjonsnummeret i Enhetsregister")
    gp = _el(org, _M + "HealthcareProfessional")
    family, given = split_name(message.sender.name)
    _el(gp, _M + "FamilyName", family)
    _el(gp, _M + "GivenName", given)
    _ident(gp, _M + "Ident", _M, message.sender.hpr, "HPR", "HPR-nummer")
    nav = _el(_el(info, _M + "Receiver"), _M + "Organisation")
    _el(nav, _M + "OrganisationName", "NAV")
    _ident(nav, _M + "Ident", _M, NAV_ORG_NUMBER, "ENH", "Organisasjonsnummeret i Enhetsregister")
    patient = _el(info, _M + "Patient")
    family, given = split_name(message.patient_name)
    _el(patient, _M + "FamilyName", family)
    _el(patient, _M + "GivenName", given)
    code, dn = _id_kind(message.national_id)
    _ident(patient, _M + "Ident", _M, message.national_id, code, dn)
    ref = _el(_el(head, _M + "Document"), _M + "RefDoc")
    _el(ref, _M + "MsgType", DN="XML-instans", V="XML")
    content = _el(ref, _M + "Content")
    content.append(_document(message))
    return head


def _cv(parent: etree._Element, tag: str, diagnosis: Diagnosis) -> None:
    _el(parent, tag, S=DIAGNOSIS_OIDS[diagnosis.system], V=diagnosis.code)


def _reasons(parent: etree._Element, tag: str, codes: list[tuple[str, str]], oid: str, text: str) -> None:
    node = _el(parent, tag)
    for code, dn in codes:
        _el(node, _S + "Arsakskode", DN=dn, V=code)  # kith:CS: code system implied by the element
    if text:
        _el(node, _S + "Beskriv", text)


def _period(parent: etree._Element, p: MessagePeriod) -> None:
    node = _el(parent, _S + "Periode")
    _el(node, _S + "PeriodeFOMDato", p.from_.isoformat())
    _el(node, _S + "PeriodeTOMDato", p.to.isoformat())
    if p.kind is PeriodKind.AVVENTENDE:
        _el(
            _el(node, _S + "AvventendeSykmelding"), _S + "InnspillTilArbeidsgiver", p.advice_to_employer or ""
        )
    elif p.kind is PeriodKind.GRADERT:
        graded = _el(node, _S + "GradertSykmelding")
        _el(graded, _S + "Sykmeldingsgrad", str(p.grade if p.grade is not None else 0))
        if p.travel_grant is not None:
            _el(graded, _S + "Reisetilskudd", _bool(p.travel_grant))
    elif p.kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        aim = _el(node, _S + "AktivitetIkkeMulig")
        if p.medical_reasons:
            _reasons(
                aim,
                _S + "MedisinskeArsaker",
                [MEDICAL_REASONS[r] for r in p.medical_reasons],
                OID_MEDICAL_REASON,
                "",
            )
        if p.work_reasons or p.work_reason_text:
            _reasons(
                aim,
                _S + "Arbeidsplassen",
                [WORK_REASONS[r] for r in p.work_reasons],
                OID_WORK_REASON,
                p.work_reason_text,
            )
    elif p.kind is PeriodKind.BEHANDLINGSDAGER:
        days = _el(node, _S + "Behandlingsdager")
        _el(
            days,
            _S + "AntallBehandlingsdagerUke",
            str(p.treatment_days if p.treatment_days is not None else 1),
        )
    else:
        _el(node, _S + "Reisetilskudd", "true")


def _answers(parent: etree._Element, answers: tuple[Answer, ...]) -> None:
    if not answers:
        return
    node = _el(parent, _S + "UtdypendeOpplysninger")
    groups: dict[str, list[Answer]] = {}
    for answer in answers:
        groups.setdefault(answer.group_id, []).append(answer)
    for group_id, items in groups.items():
        group = _el(node, _S + "SpmGruppe")
        _el(group, _S + "SpmGruppeId", group_id)
        _el(group, _S + "SpmGruppeTekst", question_text(items[0].question_id)[0])
        for answer in items:
            svar = _el(group, _S + "SpmSvar")
            _el(svar, _S + "SpmId", answer.question_id)
            _el(svar, _S + "SpmTekst", question_text(answer.question_id)[1])
            restriction = _el(svar, _S + "Restriksjon")
            _el(restriction, _S + "Restriksjonskode", DN=RESTRICTION_EMPLOYER[1], V=RESTRICTION_EMPLOYER[0])
            _el(svar, _S + "SvarTekst", answer.text)


def _document(m: SykmeldingMessage) -> etree._Element:
    doc = etree.Element(_S + "HelseOpplysningerArbeidsuforhet", nsmap={None: NS_SM2013, "fk1": NS_FK1})
    _el(doc, _S + "RegelSettVersjon", RULESET_VERSION)
    _el(doc, _S + "SyketilfelleStartDato", m.case_start.isoformat())
    patient = _el(doc, _S + "Pasient")
    name = _el(patient, _S + "Navn")
    family, given = split_name(m.patient_name)
    _el(name, _S + "Etternavn", family)
    _el(name, _S + "Fornavn", given)
    code, dn = _id_kind(m.national_id)
    _ident(patient, _S + "Fodselsnummer", _F, m.national_id, code, dn)
    employer = _el(doc, _S + "Arbeidsgiver")
    code, dn = EMPLOYERS[m.employers]
    _el(employer, _S + "HarArbeidsgiver", DN=dn, V=code)  # kith:CS: no S attribute
    if m.employer:
        _el(employer, _S + "NavnArbeidsgiver", m.employer)
    if m.occupation:
        _el(employer, _S + "Yrkesbetegnelse", m.occupation)
    if m.position_percent is not None:
        _el(employer, _S + "Stillingsprosent", str(m.position_percent))
    vurdering = _el(doc, _S + "MedisinskVurdering")
    if m.main_diagnosis is not None:
        _cv(_el(vurdering, _S + "HovedDiagnose"), _S + "Diagnosekode", m.main_diagnosis)
    if m.secondary_diagnoses:
        bi = _el(vurdering, _S + "BiDiagnoser")
        for d in m.secondary_diagnoses:
            _cv(bi, _S + "Diagnosekode", d)
    if m.other_absence_reason is not None:
        other = _el(vurdering, _S + "AnnenFraversArsak")
        _el(other, _S + "Arsakskode", V=m.other_absence_reason)
    if m.pregnancy is not None:
        _el(vurdering, _S + "Svangerskap", _bool(m.pregnancy))
    if m.occupational_injury is not None:
        _el(vurdering, _S + "Yrkesskade", _bool(m.occupational_injury))
    if m.occupational_injury_date is not None:
        _el(vurdering, _S + "YrkesskadeDato", m.occupational_injury_date.isoformat())
    aktivitet = _el(doc, _S + "Aktivitet")
    for p in m.periods:
        _period(aktivitet, p)
    if m.expected_return is not None and m.employers != "NONE":
        in_work = _el(_el(doc, _S + "Prognose"), _S + "ErIArbeid")
        _el(in_work, _S + "EgetArbeidPaSikt", "true")
        _el(in_work, _S + "ArbeidFraDato", m.expected_return.isoformat())
    _answers(doc, m.answers)
    if m.measures_workplace or m.measures_other:
        tiltak = _el(doc, _S + "Tiltak")
        if m.measures_workplace:
            _el(tiltak, _S + "TiltakArbeidsplassen", m.measures_workplace)
        if m.measures_other:
            _el(tiltak, _S + "AndreTiltak", m.measures_other)
    if m.message_to_nav:
        nav = _el(doc, _S + "MeldingTilNav")
        _el(nav, _S + "BistandNAVUmiddelbart", "true")
        _el(nav, _S + "BeskrivBistandNAV", m.message_to_nav)
    if m.message_to_employer:
        _el(doc, _S + "MeldingTilArbeidsgiver", m.message_to_employer)
    contact = _el(doc, _S + "KontaktMedPasient")
    _el(contact, _S + "BehandletDato", dt.datetime.combine(m.treated, dt.time()).isoformat())
    if m.backdating is not None:
        _el(contact, _S + "KontaktDato", m.backdating.contact_date.isoformat())
        if m.backdating.justification:
            _el(contact, _S + "BegrunnIkkeKontakt", m.backdating.justification)
    gp = _el(doc, _S + "Behandler")
    name = _el(gp, _S + "Navn")
    family, given = split_name(m.sender.name)
    _el(name, _S + "Etternavn", family)
    _el(name, _S + "Fornavn", given)
    _ident(gp, _S + "Id", _F, m.sender.hpr, "HPR", "HPR-nummer")
    if m.sender.national_id:
        _ident(gp, _S + "Id", _F, m.sender.national_id, *_id_kind(m.sender.national_id))
    _el(gp, _S + "Adresse")
    contact_info = _el(gp, _S + "KontaktInfo")
    _el(contact_info, _F + "TypeTelecom", DN="Hovedtelefon", V="HP")
    _el(contact_info, _F + "TeleAddress", V="tel:" + m.sender.phone.replace(" ", ""))
    system = _el(doc, _S + "AvsenderSystem")
    _el(system, _S + "SystemNavn", m.system_name)
    _el(system, _S + "SystemVersjon", m.system_version)
    _el(doc, _S + "Strekkode", "")
    return doc


def to_xml(message: SykmeldingMessage) -> bytes:
    """The MsgHead message as UTF-8 bytes, validated against the schemas (byte-stable for the same input)."""
    head = _msghead(message)
    validate(head)
    etree.indent(head, space="  ")
    data: bytes = etree.tostring(head, xml_declaration=True, encoding="UTF-8")
    return data + b"\n"


# ---------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The messages of one file, and what the reader accepted that the schema does not."""

    messages: tuple[SykmeldingMessage, ...]
    default_namespace: bool


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _parse(data: bytes) -> etree._Element:
    doctype = data.find(b"<!DOCTYPE")
    if doctype >= 0 or b"<!ENTITY" in data:
        at = doctype if doctype >= 0 else data.find(b"<!ENTITY")
        raise MessageError(
            _line_of(data, at), "DOCTYPE", N_("a DTD or entity declaration is not allowed in a message")
        )
    stack: list[str] = []
    root: etree._Element | None = None
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for event, element in events:
            name = _local(element.tag)
            if event == "start":
                stack.append(name)
                root = element if root is None else root
                continue
            stack.pop()
            if element.text is not None and len(element.text) > MAX_TEXT:
                raise MessageError(
                    element.sourceline or 0,
                    name,
                    N_("text is too long: {length} characters, at most {max}"),
                    length=len(element.text),
                    max=MAX_TEXT,
                )
    except etree.XMLSyntaxError as exc:
        element = stack[-1] if stack else "(document)"
        raise MessageError(
            exc.lineno or 0, element, N_("not well-formed XML: {detail}"), detail=exc.msg
        ) from None
    if root is None:  # pragma: no cover - iterparse raises on an empty document
        raise MessageError(0, "(document)", N_("the file is empty"))
    if root.getroottree().docinfo.doctype:
        raise MessageError(1, "DOCTYPE", N_("a DTD or entity declaration is not allowed in a message"))
    return root


def _fix_default_namespace(root: etree._Element) -> bool:
    """Move felleskomponent1 children written in the default namespace into their own; True when any moved."""
    parents = [el for name in FK1_PARENTS for el in root.iter(_S + name)]
    moved = [
        child
        for parent in parents
        for child in parent
        if isinstance(child.tag, str) and child.tag.startswith(_S) and _local(child.tag) in FK1_NAMES
    ]
    for child in moved:
        child.tag = _F + _local(child.tag)
    return bool(moved)


def _t(node: etree._Element | None, path: str) -> str:
    if node is None:
        return ""
    found = node.find(path)
    return (found.text or "").strip() if found is not None else ""


def _date(node: etree._Element | None, path: str) -> dt.date | None:
    text = _t(node, path)
    return dt.date.fromisoformat(text[:10]) if text else None


def _attr(node: etree._Element | None, name: str) -> str:
    return (node.get(name) or "") if node is not None else ""


def _bool_of(node: etree._Element | None, path: str) -> bool | None:
    text = _t(node, path)
    return None if not text else text in {"true", "1"}


def _diagnosis(node: etree._Element, line: int) -> Diagnosis:
    system = DIAGNOSIS_SYSTEMS.get(node.get("S", ""))
    code = (
        (node.get("V") or "").replace(".", "")
        if system is not None and system.value == "ICD-10"
        else node.get("V")
    )
    if system is None or not code:
        raise MessageError(
            node.sourceline or line,
            "Diagnosekode",
            N_("unknown code system {oid} or no code"),
            oid=node.get("S", ""),
        )
    return Diagnosis(system=system, code=code)


def _codes(node: etree._Element | None) -> list[str]:
    return [c.get("V", "") for c in node.iter(_S + "Arsakskode")] if node is not None else []


def _read_period(node: etree._Element) -> MessagePeriod:
    fom = _date(node, _S + "PeriodeFOMDato")
    tom = _date(node, _S + "PeriodeTOMDato")
    assert fom is not None  # the schema requires both
    assert tom is not None
    if (aim := node.find(_S + "AktivitetIkkeMulig")) is not None:
        medical = aim.find(_S + "MedisinskeArsaker")
        work = aim.find(_S + "Arbeidsplassen")
        return MessagePeriod(
            PeriodKind.AKTIVITET_IKKE_MULIG,
            fom,
            tom,
            medical_reasons=tuple(
                MEDICAL_REASONS_BY_CODE[c] for c in _codes(medical) if c in MEDICAL_REASONS_BY_CODE
            ),
            work_reasons=tuple(WORK_REASONS_BY_CODE[c] for c in _codes(work) if c in WORK_REASONS_BY_CODE),
            work_reason_text=_t(work, _S + "Beskriv"),
        )
    if (graded := node.find(_S + "GradertSykmelding")) is not None:
        return MessagePeriod(
            PeriodKind.GRADERT,
            fom,
            tom,
            grade=int(_t(graded, _S + "Sykmeldingsgrad")),
            travel_grant=_bool_of(graded, _S + "Reisetilskudd"),
        )
    if (waiting := node.find(_S + "AvventendeSykmelding")) is not None:
        return MessagePeriod(
            PeriodKind.AVVENTENDE, fom, tom, advice_to_employer=_t(waiting, _S + "InnspillTilArbeidsgiver")
        )
    if (days := node.find(_S + "Behandlingsdager")) is not None:
        return MessagePeriod(
            PeriodKind.BEHANDLINGSDAGER,
            fom,
            tom,
            treatment_days=int(_t(days, _S + "AntallBehandlingsdagerUke")),
        )
    return MessagePeriod(PeriodKind.REISETILSKUDD, fom, tom)


def _sender(head: etree._Element | None, doc: etree._Element) -> Sender:
    gp = doc.find(_S + "Behandler")
    ids = {
        _attr(i.find(_F + "TypeId"), "V"): _t(i, _F + "Id")
        for i in (gp.findall(_S + "Id") if gp is not None else [])
    }
    name = " ".join(
        x
        for x in (
            _t(gp, f"{_S}Navn/{_S}Fornavn"),
            _t(gp, f"{_S}Navn/{_S}Mellomnavn"),
            _t(gp, f"{_S}Navn/{_S}Etternavn"),
        )
        if x
    )
    phone = ""
    for info in gp.findall(_S + "KontaktInfo") if gp is not None else []:
        address = info.find(_F + "TeleAddress")
        if address is not None and address.get("V", "").startswith("tel:"):
            phone = address.get("V", "")[4:]
            break
    org = head.find(f"{_M}MsgInfo/{_M}Sender/{_M}Organisation") if head is not None else None
    org_number = ""
    if org is not None:
        for ident in org.findall(_M + "Ident"):
            type_id = ident.find(_M + "TypeId")
            if type_id is not None and type_id.get("V") == "ENH":
                org_number = _t(ident, _M + "Id")
    national_id = ids.get("FNR", "") or ids.get("DNR", "")
    return Sender(
        practice=_t(org, _M + "OrganisationName"),
        org_number=org_number,
        name=name,
        hpr=ids.get("HPR", ""),
        national_id=national_id,
        phone=phone,
    )


def _answers_of(doc: etree._Element) -> tuple[Answer, ...]:
    out = [
        Answer(_t(svar, _S + "SpmId"), _t(svar, _S + "SvarTekst"))
        for svar in doc.iter(_S + "SpmSvar")
        if _t(svar, _S + "SvarTekst")
    ]
    return tuple(sorted(out, key=lambda a: a.question_id))


def _message(head: etree._Element | None, doc: etree._Element, default_namespace: bool) -> SykmeldingMessage:
    line = doc.sourceline or 0
    aktivitet = doc.find(_S + "Aktivitet")
    if aktivitet is None or aktivitet.find(_S + "Periode") is None:
        raise MessageError(line, "Aktivitet", N_("the sykmelding has no period (Aktivitet/Periode)"))
    pasient = doc.find(_S + "Pasient")
    national_id = _t(pasient, f"{_S}Fodselsnummer/{_F}Id")
    name = " ".join(
        x
        for x in (
            _t(pasient, f"{_S}Navn/{_S}Fornavn"),
            _t(pasient, f"{_S}Navn/{_S}Mellomnavn"),
            _t(pasient, f"{_S}Navn/{_S}Etternavn"),
        )
        if x
    )
    if head is not None:
        for ident in head.iterfind(f"{_M}MsgInfo/{_M}Patient/{_M}Ident"):
            other = _t(ident, _M + "Id")
            if other and other != national_id:
                raise MessageError(
                    ident.sourceline or line,
                    "Patient",
                    N_("two patients in one message: the envelope names {other}, the sykmelding {id}"),
                    other=other,
                    id=national_id,
                )
    employer = doc.find(_S + "Arbeidsgiver")
    has = employer.find(_S + "HarArbeidsgiver") if employer is not None else None
    vurdering = doc.find(_S + "MedisinskVurdering")
    main = vurdering.find(f"{_S}HovedDiagnose/{_S}Diagnosekode") if vurdering is not None else None
    secondary = vurdering.findall(f"{_S}BiDiagnoser/{_S}Diagnosekode") if vurdering is not None else []
    other_reason = vurdering.find(f"{_S}AnnenFraversArsak/{_S}Arsakskode") if vurdering is not None else None
    contact = doc.find(_S + "KontaktMedPasient")
    contact_date = _date(contact, _S + "KontaktDato")
    treated = _date(contact, _S + "BehandletDato")
    assert treated is not None  # required by the schema
    percent = _t(employer, _S + "Stillingsprosent")
    tiltak = doc.find(_S + "Tiltak")
    start = _date(doc, _S + "SyketilfelleStartDato")
    assert start is not None  # required by the schema
    gen = _t(head, f"{_M}MsgInfo/{_M}GenDate") if head is not None else ""
    return SykmeldingMessage(
        msg_id=_t(head, f"{_M}MsgInfo/{_M}MsgId") if head is not None else "",
        generated=dt.datetime.fromisoformat(gen[:19]) if gen else dt.datetime.combine(treated, dt.time()),
        sender=_sender(head, doc),
        patient_name=name,
        national_id=national_id,
        case_start=start,
        employers=EMPLOYERS_BY_CODE.get(has.get("V", "") if has is not None else "", "ONE"),  # type: ignore[arg-type]
        employer=_t(employer, _S + "NavnArbeidsgiver"),
        occupation=_t(employer, _S + "Yrkesbetegnelse"),
        position_percent=int(percent) if percent else None,
        main_diagnosis=_diagnosis(main, line) if main is not None else None,
        secondary_diagnoses=tuple(_diagnosis(d, line) for d in secondary),
        other_absence_reason=other_reason.get("V") if other_reason is not None else None,
        pregnancy=_bool_of(vurdering, _S + "Svangerskap"),
        occupational_injury=_bool_of(vurdering, _S + "Yrkesskade"),
        occupational_injury_date=_date(vurdering, _S + "YrkesskadeDato"),
        periods=tuple(_read_period(p) for p in aktivitet.findall(_S + "Periode")),
        answers=_answers_of(doc),
        measures_workplace=_t(tiltak, _S + "TiltakArbeidsplassen"),
        measures_other=_t(tiltak, _S + "AndreTiltak"),
        message_to_nav=_t(doc, f"{_S}MeldingTilNav/{_S}BeskrivBistandNAV"),
        message_to_employer=_t(doc, _S + "MeldingTilArbeidsgiver"),
        treated=treated,
        backdating=Backdating(contact_date=contact_date, justification=_t(contact, _S + "BegrunnIkkeKontakt"))
        if contact_date is not None
        else None,
        system_name=_t(doc, f"{_S}AvsenderSystem/{_S}SystemNavn"),
        system_version=_t(doc, f"{_S}AvsenderSystem/{_S}SystemVersjon"),
        notes=("default_namespace",) if default_namespace else (),
    )


def _documents(root: etree._Element) -> Iterator[tuple[etree._Element | None, etree._Element]]:
    if root.tag == _S + "HelseOpplysningerArbeidsuforhet":
        yield None, root
        return
    heads = [root] if root.tag == _M + "MsgHead" else list(root.iter(_M + "MsgHead"))
    for head in heads:
        for doc in head.iter(_S + "HelseOpplysningerArbeidsuforhet"):
            yield head, doc


_ROOTS: Final = {
    _S + "HelseOpplysningerArbeidsuforhet",
    _M + "MsgHead",
    f"{{{NS_FELLESFORMAT}}}EI_fellesformat",
}


def read_messages(data: bytes) -> ReadResult:
    """Every sykmelding in one file (MsgHead, bare SM2013 or EI_fellesformat), validated; :class:`MessageError`."""
    root = _parse(data)
    if root.tag not in _ROOTS:
        raise MessageError(
            root.sourceline or 1,
            _local(root.tag),
            N_("not a sykmelding message: the root element is in namespace “{ns}”"),
            ns=etree.QName(root.tag).namespace or "",
        )
    default_namespace = _fix_default_namespace(root)
    validate(root)
    messages = [_message(head, doc, default_namespace) for head, doc in _documents(root)]
    if not messages:
        raise MessageError(root.sourceline or 1, _local(root.tag), N_("the file holds no sykmelding"))
    patients = {m.national_id for m in messages}
    if len(patients) > 1:
        raise MessageError(
            root.sourceline or 1, "Pasient", N_("the file holds sick notes of more than one patient")
        )
    return ReadResult(tuple(messages), default_namespace)
