"""Which medical fields and event types an article is about, from cue words of its language.

The small model, asked for ``medical_fields``, tends to list the vocabulary in declaration
order instead of choosing, and it picks ``event_types`` weakly. Both are topic labels that
general vocabulary settles well: an article about cardiology says "кардиолог…", "жүрек",
"tim mạch" or "cardiac"; a signing says "подписали соглашение", "меморандумға қол қойды",
"ký hợp đồng". So this stage matches a small cue lexicon per language (stems,
so that inflected forms match) and keeps a label only when its cues are strong enough.

Scoring is set F1 per article, so precision matters as much as recall:

* a field label needs one cue anywhere (fields are named once, often late in the body);
  an event label needs a cue in the lead (headline and first two sentences), two body
  sentences with cues, or one specific two-word cue (sign + document);
* a label counts once per sentence; labels are ordered by weight (a lead cue weighs double)
  and capped at three per list (measured on dev: looser or stricter rules scored lower);
* cues for medical specialties outside the vocabulary (ophthalmology, dermatology,
  traditional medicine…) vote for ``other``, as the gold convention does;
* event cues in sentences that report background ("earlier", "last year") do not count,
  as the spec says a past signing mentioned as background is not an event of the article;
* when no cue fires at all the answer is ``other`` (the gold convention, and it measured
  better than an empty list); a language without a lexicon gets an empty list.

Every label carries the Span of the clause whose cue supports it, which becomes evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer.schemas.article import EventType, MedicalField
from summarizer.stages.sentences import split_sentences
from summarizer.stages.spans import Span

# Selection rule, chosen by measurement on the dev set (see the module docstring).
LEAD_SENTENCES = 3  # headline + first two sentences
LEAD_WEIGHT = 2
BODY_WEIGHT = 1
FIELD_MIN_WEIGHT = 1
EVENT_MIN_WEIGHT = 2
# A cue that needs a second word in its sentence (sign + document) is specific: it counts double.
COMPOUND_FACTOR = 2
MAX_FIELDS = 3
MAX_EVENTS = 3
# Clauses longer than this are narrowed to the comma/semicolon-delimited part with the cue.
MAX_SPAN_CHARS = 160

# Cue syntax: words are stems (``кардиолог`` matches ``кардиологии``) unless they end in
# ``=`` (whole word). Words of a cue may be separated by spaces or hyphens in the text.
# ``cue & a|b`` additionally requires one of the stems ``a``/``b`` in the same sentence.
Lexicon = Mapping[MedicalField | EventType, Sequence[str]]

_F = MedicalField
_E = EventType

_FIELDS_RU: Lexicon = {
    _F.oncology: ["онко", "опухол", "химиотерап", "злокачествен", "рак=", "рака=", "раком="],
    _F.pediatrics: [
        "педиатр",
        "детск & здоровь|заболеван|пациент|лечени|хирург|кардио|онко|врач",
        "детей & здоровь|заболеван|пациент|лечени|хирург|кардио|онко|оперир",
        "ребен",
        "новорожден",
        "неонатол",
    ],
    _F.rehabilitation: ["реабилитац", "восстановительн лечени"],
    _F.surgery: [
        "хирург",
        "кардиохирург",
        "нейрохирург",
        "микрохирург",
        "онкохирург",
        "операци & пациент|врач|хирург|больн|сложн|провед|провел",
        "оперир",
        "прооперир",
        "трансплантац",
    ],
    _F.nuclear_medicine: ["ядерн медицин", "радиофарм", "радионуклид", "позитрон", "ПЭТ="],
    _F.cardiology: ["кардио", "сердечн", "сердца=", "сердце=", "инфаркт"],
    _F.infectious_diseases: [
        "инфекц",
        "коронавирус",
        "covid",
        "вирус",
        "туберкул",
        "ВИЧ=",
        "гепатит",
        "пандеми",
        "эпидеми",
    ],
    _F.maternal_health: [
        "материнств",
        "беремен",
        "акушер",
        "гинеколог",
        "перинатал",
        "роды=",
        "родовспом",
        "репродуктив",
    ],
    _F.mental_health: ["психиатр", "психическ", "ментальн здоров", "психотерап"],
    _F.primary_care: [
        "первичн медико",
        "первичн звен",
        "поликлиник",
        "семейн врач",
        "семейн медицин",
        "фельдшер",
        "амбулатор",
        "диспансеризац",
    ],
    _F.medical_tourism: [
        "медицинск туризм",
        "лечебн туризм",
        "медтуризм",
        "туризм & медицин|лечени|лечебн|здоров",
        "иностранн пациент",
    ],
    _F.spa_and_balneology: ["санатор", "курорт", "бальнео", "минеральн вод", "грязелечен"],
    _F.medical_education: [
        "обучени",
        "образовани",
        "стажировк",
        "повышени квалификац",
        "подготовк кадр",
        "подготовк специалист",
        "подготовк врач",
        "ординатур",
        "резидентур",
        "студент",
        "мастер-класс",
    ],
    _F.medical_research: [
        "научн сотрудничеств",
        "научн исследован",
        "научн-исследовательск",
        "исследовани",
        "клиническ испытан",
        "научн проект",
    ],
    _F.digital_health: [
        "цифров",
        "телемедицин",
        "информатизац",
        "компьютеризац",
        "искусственн интеллект",
        "дистанционн консультац",
        "видеоконференц",
    ],
    _F.health_investment: ["инвестиц", "инвестор", "строительств & больниц|центр|клиник|корпус"],
    _F.pharmaceuticals: ["фармац", "фармак", "лекарств", "медикамент", "препарат"],
    _F.medical_equipment: [
        "оборудовани",
        "медицинск техник",
        "медицинск издели",
        "томограф",
        "аппарат & медицин|диагност|лечени|исследован",
    ],
    _F.public_health: [
        "общественн здоровь",
        "санитарн-эпидемиолог",
        "эпидемиологическ",
        "профилактик",
        "биобезопасност",
        "здоров образ жизни",
        "вакцинац",
        "иммунизац",
    ],
    _F.other: [
        "офтальмолог",
        "глазн",
        "дерматолог",
        "эндокринолог",
        "невролог",
        "стоматолог",
        "уролог",
        "нефролог",
        "гастроэнтеролог",
        "оториноларинголог",
        "традиционн медицин",
        "китайск медицин",
        "восточн медицин",
    ],
}

_FIELDS_KK: Lexicon = {
    _F.oncology: ["онко", "обыр", "ісік"],
    _F.pediatrics: ["педиатр", "балалар", "балаға", "балаларға", "сәби", "нәресте"],
    _F.rehabilitation: ["оңалту", "реабилитац"],
    _F.surgery: ["хирург", "кардиохирург", "нейрохирург", "ота жаса", "оталар", "операция"],
    _F.nuclear_medicine: ["ядролық медицин", "радиофарм", "позитрон"],
    _F.cardiology: ["кардио", "жүрек"],
    _F.infectious_diseases: [
        "инфекц",
        "коронавирус",
        "covid",
        "вирус",
        "туберкулез",
        "індет",
        "пандемия",
    ],
    _F.maternal_health: ["ана мен бала", "аналар", "жүкті", "босану", "акушер", "гинеколог"],
    _F.mental_health: ["психиатр", "психикалық", "психолог"],
    _F.primary_care: ["емхана", "отбасылық дәрігер", "алғашқы медициналық", "МСАК="],
    _F.medical_tourism: ["медициналық туризм", "туризм & медицина|емдеу|денсаулық"],
    _F.spa_and_balneology: ["шипажай", "санатори", "курорт", "бальнео"],
    _F.medical_education: [
        "білім",
        "оқыту",
        "кадр даярла",
        "маман даярла",
        "біліктілігін арттыр",
        "тағылымдама",
        "студент",
        "шеберлік сыныб",
        "резидентура",
    ],
    _F.medical_research: ["ғылыми", "зерттеу"],
    _F.digital_health: ["цифрлы", "цифрланд", "телемедицина", "жасанды интеллект"],
    _F.health_investment: ["инвестиция", "инвестор", "құрылыс"],
    _F.pharmaceuticals: ["фармац", "дәрі=", "дәрілер", "дәрілік", "дәрі-дәрмек", "препарат"],
    _F.medical_equipment: ["жабдық", "аппарат", "құрылғы"],
    _F.public_health: [
        "қоғамдық денсаулық",
        "санитариялық-эпидемиологиялық",
        "эпидемиологиялық",
        "биоқауіпсіздік",
        "алдын алу",
        "профилактика",
        "вакцинация",
    ],
    _F.other: [
        "офтальмолог",
        "көз=",
        "көз ауру",
        "дерматолог",
        "эндокринолог",
        "невролог",
        "стоматолог",
        "дәстүрлі медицина",
        "қытай медицина",
    ],
}

# Vietnamese cues are whole phrases matched with their diacritics ("tim" is not "tìm").
_FIELDS_VI: Lexicon = {
    _F.oncology: ["ung thư", "ung bướu", "khối u", "hóa trị", "xạ trị"],
    _F.pediatrics: ["nhi khoa", "khoa nhi", "bệnh viện nhi", "trẻ em", "sơ sinh"],
    _F.rehabilitation: ["phục hồi chức năng"],
    _F.surgery: ["phẫu thuật", "vi phẫu", "mổ", "ghép tạng", "ghép thận", "ghép gan", "ngoại khoa"],
    _F.nuclear_medicine: ["y học hạt nhân", "hạt nhân"],
    _F.cardiology: ["tim mạch", "tim", "nhồi máu cơ tim"],
    _F.infectious_diseases: [
        "truyền nhiễm",
        "covid",
        "bệnh lao",
        "HIV",
        "sốt xuất huyết",
        "dịch bệnh",
        "virus",
    ],
    _F.maternal_health: ["bà mẹ", "phụ nữ", "sản khoa", "sản phụ", "mang thai", "thai sản"],
    _F.mental_health: ["tâm thần", "sức khỏe tâm lý"],
    _F.primary_care: [
        "y tế cơ sở",
        "chăm sóc sức khỏe ban đầu",
        "khám sức khỏe định kỳ",
        "trạm y tế",
        "bác sĩ gia đình",
    ],
    _F.medical_tourism: ["du lịch y tế", "du lịch chữa bệnh", "du lịch chăm sóc sức khỏe"],
    _F.spa_and_balneology: ["suối khoáng", "khoáng nóng", "spa", "tắm bùn"],
    _F.medical_education: [
        "đào tạo",
        "tập huấn",
        "giáo dục y",
        "sinh viên",
        "học viên",
        "nâng cao năng lực",
    ],
    _F.medical_research: ["nghiên cứu", "khoa học"],
    _F.digital_health: [
        "chuyển đổi số",
        "số hóa",
        "từ xa",
        "trí tuệ nhân tạo",
        "bệnh án điện tử",
        "công nghệ thông tin",
    ],
    _F.health_investment: ["đầu tư", "khánh thành", "khởi công"],
    _F.pharmaceuticals: ["dược", "thuốc"],
    _F.medical_equipment: ["trang thiết bị", "thiết bị y tế", "máy móc"],
    _F.public_health: [
        "y tế dự phòng",
        "phòng bệnh",
        "phòng chống dịch",
        "sức khỏe cộng đồng",
        "tiêm chủng",
        "dự phòng",
        "an toàn sinh học",
    ],
    _F.other: [
        "nhãn khoa",
        "mắt",
        "da liễu",
        "nội tiết",
        "thần kinh",
        "răng hàm mặt",
        "y học cổ truyền",
        "đông y",
    ],
}

_FIELDS_EN: Lexicon = {
    _F.oncology: ["oncolog", "cancer", "tumo", "chemotherap"],
    _F.pediatrics: ["pediatr", "paediatr", "children", "neonat", "newborn"],
    _F.rehabilitation: ["rehabilitat"],
    _F.surgery: ["surg", "operations=", "operated", "transplant"],
    _F.nuclear_medicine: ["nuclear medicine", "radiopharm", "radionucl"],
    _F.cardiology: ["cardi", "heart"],
    _F.infectious_diseases: ["infectio", "covid", "virus", "tubercul", "HIV=", "malaria", "epidem"],
    _F.maternal_health: ["maternal", "pregnan", "obstetr", "gynec", "gynaec"],
    _F.mental_health: ["mental health", "psychiatr"],
    _F.primary_care: ["primary care", "primary health", "family medicine", "family doctor"],
    _F.medical_tourism: ["medical tourism", "health tourism", "medical tourist"],
    _F.spa_and_balneology: ["spa=", "balneo", "sanatori", "mineral water"],
    _F.medical_education: ["training", "education", "internship", "residency", "students"],
    _F.medical_research: ["research", "scientific", "clinical trial"],
    _F.digital_health: ["digital", "telemedicine", "telehealth", "artificial intelligence"],
    _F.health_investment: ["invest"],
    _F.pharmaceuticals: ["pharma", "drugs=", "medicines="],
    _F.medical_equipment: ["equipment", "medical device"],
    _F.public_health: ["public health", "prevention", "vaccinat", "biosafety"],
    _F.other: [
        "ophthalm",
        "eye=",
        "dermatolog",
        "endocrin",
        "neurolog",
        "dentist",
        "traditional medicine",
    ],
}

_SIGN_RU = "подпис|заключ"
_DOCS_RU = "соглашени|меморандум|договор=|договора=|договоры=|договоров=|протокол|контракт|документ"

_EVENTS_RU: Lexicon = {
    _E.delegation_visit: [
        "делегац",
        "визит",
        "посетил",
        "посещени",
        "прибыл",
        "приехал",
        "побывал",
        "рабоч поездк",
    ],
    _E.official_meeting: [
        "встреч",
        "встретил",
        "переговор",
        "принял делегац",
        "принял гост",
        "обсудил",
        "заседани",
        "совещани",
    ],
    _E.agreement_signing: [f"подпис & {_DOCS_RU}", f"заключ & {_DOCS_RU}"],
    _E.conference_or_forum: [
        "форум",
        "конференц",
        "конгресс",
        "выставк",
        "симпозиум",
        "съезд",
        "саммит",
        "кругл стол",
    ],
    _E.medical_mission: [
        "провел операци",
        "провели операци",
        "прооперир",
        "осмотрел",
        "провели консультац",
        "приняли пациент",
        "медицинск бригад",
        "медицинск миссия",
        "бесплатн консультац",
        "бесплатн прием",
        "выездн бригад",
        "выездн прием",
        "медицинск десант",
    ],
    _E.training_or_exchange: ["стажировк", "мастер-класс", "тренинг", "семинар"],
    _E.investment_or_construction: [
        "строительств",
        "инвестиц",
        "построен",
        "ввод в эксплуатац",
        "открыти & центр|больниц|клиник|отделени",
    ],
}

_DOCS_KK = "меморандум|келісім|шарт|құжат"

_EVENTS_KK: Lexicon = {
    _E.delegation_visit: ["делегация", "сапар", "іссапар", "келді", "барды", "болып қайт"],
    _E.official_meeting: ["кездес", "келіссөз", "қабылдады", "талқыла", "отырыс", "жиналыс"],
    _E.agreement_signing: [f"қол қой & {_DOCS_KK}", f"қол қойыл & {_DOCS_KK}"],
    _E.conference_or_forum: [
        "форум",
        "конференция",
        "конгресс",
        "көрме",
        "симпозиум",
        "саммит",
        "дөңгелек үстел",
    ],
    _E.medical_mission: [
        "ота жасады",
        "ота жасау",
        "оталар жаса",
        "медициналық бригада",
        "науқастарды қабылда",
        "тегін кеңес",
        "тегін тексер",
        "дәрігерлер тобы",
        "дәрігер & аттандыр|жіберу|жіберіл",
    ],
    _E.training_or_exchange: [
        "шеберлік сыныб",
        "тағылымдама",
        "тренинг",
        "семинар",
    ],
    _E.investment_or_construction: ["құрылыс", "инвестиция", "салынад", "салу=", "пайдалануға бер"],
}

_DOCS_VI = "hợp đồng|MOU|hiệp định|thỏa thuận|thoả thuận|biên bản ghi nhớ|ghi nhớ"

_EVENTS_VI: Lexicon = {
    _E.delegation_visit: [
        "đoàn công tác",
        "đoàn đại biểu",
        "phái đoàn",
        "chuyến thăm",
        "thăm và làm việc",
        "đến thăm",
        "sang thăm",
        "tới thăm",
        "thăm chính thức",
    ],
    _E.official_meeting: [
        "hội đàm",
        "hội kiến",
        "tiếp đoàn",
        "tiếp xã giao",
        "tiếp đón",
        "buổi làm việc",
        "làm việc với",
        "buổi tiếp",
        "gặp gỡ",
    ],
    _E.agreement_signing: [f"ký kết & {_DOCS_VI}", f"đã ký & {_DOCS_VI}", "lễ ký"],
    _E.conference_or_forum: ["hội nghị", "hội thảo", "diễn đàn", "triển lãm", "tọa đàm", "hội chợ"],
    _E.medical_mission: [
        "khám bệnh miễn phí",
        "khám chữa bệnh miễn phí",
        "khám, chữa bệnh miễn phí",
        "phẫu thuật cho",
        "đoàn y bác sĩ",
        "đoàn bác sĩ",
        "cấp phát thuốc",
        "cử bác sĩ",
        "cử đoàn bác sĩ",
    ],
    _E.training_or_exchange: ["chuyển giao kỹ thuật", "tập huấn", "trao đổi kinh nghiệm"],
    _E.investment_or_construction: ["khánh thành", "khởi công", "đầu tư", "xây mới", "gắn biển"],
}

_EVENTS_EN: Lexicon = {
    _E.delegation_visit: ["delegation", "visit", "arrived"],
    _E.official_meeting: ["meeting", "met with", "talks=", "received"],
    _E.agreement_signing: ["sign & agreement|memorand|mou|contract|protocol"],
    _E.conference_or_forum: ["forum", "conferenc", "congress", "exhibition", "summit", "symposium"],
    _E.medical_mission: [
        "medical mission",
        "medical camp",
        "caravan",
        "surgeries",
        "operated on",
        "free treatment",
        "medical team",
    ],
    _E.training_or_exchange: ["training", "workshop", "internship", "exchange of experience"],
    _E.investment_or_construction: ["construction", "invest", "inaugurat", "groundbreaking"],
}

# Sentences that report background; event cues in them are not events of the article.
_BACKGROUND = {
    "ru": ["напомним", "ранее", "в прошл год", "прошлого года"],
    "kk": ["бұған дейін", "өткен жылы", "еске салсақ"],
    "vi": ["trước đó", "năm ngoái", "trước đây"],
    "en": ["earlier", "last year", "previously"],
}

_FIELD_LEXICONS = {"ru": _FIELDS_RU, "kk": _FIELDS_KK, "vi": _FIELDS_VI, "en": _FIELDS_EN}
_EVENT_LEXICONS = {"ru": _EVENTS_RU, "kk": _EVENTS_KK, "vi": _EVENTS_VI, "en": _EVENTS_EN}
# Languages whose cues are whole words/phrases rather than stems.
_WHOLE_WORD_LANGUAGES = frozenset({"vi"})
# Cyrillic languages without their own lexicon read with Russian and Kazakh stems together.
_CYRILLIC_FALLBACK = ("ru", "kk")
_CYRILLIC_LANGUAGES = frozenset({"ky", "uk", "be", "tg", "mn", "bg", "sr", "mk"})


@dataclass(frozen=True)
class TopicFinding:
    """One topic label and the clause whose cue supports it."""

    label: str  # a MedicalField or EventType value
    cue: str  # the cue word/stem that matched
    span: Span  # the clause containing the cue (evidence)


@dataclass(frozen=True)
class _Cue:
    label: str
    text: str
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None  # must also occur in the same sentence


def find_medical_fields(text: str, language: str | None) -> list[TopicFinding]:
    """Medical fields the article is about, strongest first (at most ``MAX_FIELDS``).

    ``other`` when no cue fires (the gold convention for topics outside the vocabulary);
    an empty list when the language has no lexicon, so the caller can fall back.
    """
    if not _covered(language):
        return []
    findings = _select(text, _cues_for("fields", language), None, FIELD_MIN_WEIGHT, MAX_FIELDS)
    return findings or _other(text, MedicalField.other.value)


def find_event_types(text: str, language: str | None) -> list[TopicFinding]:
    """Event types the article reports, strongest first (at most ``MAX_EVENTS``).

    ``other`` when no cue fires; an empty list when the language has no lexicon.
    """
    if not _covered(language):
        return []
    background = _background_pattern(language)
    findings = _select(
        text, _cues_for("events", language), background, EVENT_MIN_WEIGHT, MAX_EVENTS
    )
    return findings or _other(text, EventType.other.value)


def _covered(language: str | None) -> bool:
    """Whether some lexicon reads ``language`` (unknown language: all lexicons are tried)."""
    return language is None or language in _FIELD_LEXICONS or language in _CYRILLIC_LANGUAGES


def _other(text: str, label: str) -> list[TopicFinding]:
    """The ``other`` label, with the headline as its (weak) evidence."""
    sentences = split_sentences(text)
    if not sentences:
        return []
    first = sentences[0]
    return [TopicFinding(label, "", _narrow(first, first.start, first.start))]


# -- selection ----------------------------------------------------------------------------


def _select(
    text: str,
    cues: Sequence[_Cue],
    background: re.Pattern[str] | None,
    min_weight: int,
    limit: int,
) -> list[TopicFinding]:
    weights: dict[str, int] = {}
    evidence: dict[str, TopicFinding] = {}
    for index, sentence in enumerate(split_sentences(_matchable(text))):
        if background is not None and background.search(sentence.text):
            continue
        position = LEAD_WEIGHT if index < LEAD_SENTENCES else BODY_WEIGHT
        # A label counts once per sentence, with the weight of its strongest cue there.
        best: dict[str, int] = {}
        for cue, start, end in _matches(sentence, cues):
            strength = COMPOUND_FACTOR if cue.context is not None else 1
            best[cue.label] = max(best.get(cue.label, 0), position * strength)
            if cue.label not in evidence:
                span = _narrow(Span.of(text, sentence.start, sentence.end), start, end)
                evidence[cue.label] = TopicFinding(cue.label, cue.text, span)
        for label, weight in best.items():
            weights[label] = weights.get(label, 0) + weight
    kept = [label for label, weight in weights.items() if weight >= min_weight]
    # Strongest first; ties keep the order of first appearance (dicts keep insertion order).
    kept.sort(key=lambda label: -weights[label])
    return [evidence[label] for label in kept[:limit]]


def _matches(sentence: Span, cues: Iterable[_Cue]) -> Iterable[tuple[_Cue, int, int]]:
    """Each cue found in the sentence once (its first match), with source offsets."""
    for cue in cues:
        match = cue.pattern.search(sentence.text)
        if match is None:
            continue
        if cue.context is not None and not cue.context.search(sentence.text):
            continue
        yield cue, sentence.start + match.start(), sentence.start + match.end()


def _narrow(sentence: Span, start: int, end: int) -> Span:
    """The sentence, or the comma/semicolon-delimited clause of it holding [start, end)."""
    if len(sentence.text) <= MAX_SPAN_CHARS:
        return sentence
    source_start = sentence.start
    text = sentence.text
    left = max(text.rfind(sep, 0, start - source_start) for sep in ",;:")
    right_candidates = [i for sep in ",;:" if (i := text.find(sep, end - source_start)) >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1 : right]
    offset = source_start + left + 1 + (len(clause) - len(clause.lstrip()))
    clause = clause.strip()
    return Span(offset, offset + len(clause), clause)


def _matchable(text: str) -> str:
    """``text`` with ё folded to е (same length, so offsets stay valid)."""
    return text.replace("ё", "е").replace("Ё", "Е")


# -- lexicon compilation ------------------------------------------------------------------


def _lexicon_languages(language: str | None) -> tuple[str, ...]:
    if language in _FIELD_LEXICONS:
        return (language,)
    if language in _CYRILLIC_LANGUAGES:
        return _CYRILLIC_FALLBACK
    return tuple(_FIELD_LEXICONS)


@lru_cache(maxsize=64)
def _cues_for(kind: str, language: str | None) -> tuple[_Cue, ...]:
    lexicons = _FIELD_LEXICONS if kind == "fields" else _EVENT_LEXICONS
    cues: list[_Cue] = []
    for code in _lexicon_languages(language):
        whole = code in _WHOLE_WORD_LANGUAGES
        for label, entries in lexicons[code].items():
            cues.extend(_compile_cue(label.value, entry, whole) for entry in entries)
    return tuple(cues)


def _compile_cue(label: str, entry: str, whole: bool) -> _Cue:
    cue, _, context = (part.strip() for part in entry.partition("&"))
    context_pattern = None
    if context:
        context_pattern = re.compile(
            "|".join(_phrase_regex(alt, whole) for alt in context.split("|")), re.IGNORECASE
        )
    return _Cue(label, cue, re.compile(_phrase_regex(cue, whole), re.IGNORECASE), context_pattern)


def _phrase_regex(phrase: str, whole: bool) -> str:
    """Regex for a cue phrase: each word a stem (or whole word), words joined by space/hyphen."""
    words = re.split(r"[\s\-]+", unicodedata.normalize("NFC", phrase.strip()))
    parts = []
    for word in words:
        exact = whole or word.endswith("=")
        token = re.escape(word.rstrip("="))
        parts.append(token if exact else token + r"\w*")
    tail = r"(?!\w)" if whole or words[-1].endswith("=") else ""
    return r"(?<!\w)" + r"[\s\-]+".join(parts) + tail


def _background_pattern(language: str | None) -> re.Pattern[str] | None:
    stems = [s for code in _lexicon_languages(language) for s in _BACKGROUND.get(code, [])]
    if not stems:
        return None
    whole = language in _WHOLE_WORD_LANGUAGES
    return re.compile("|".join(_phrase_regex(s, whole) for s in stems), re.IGNORECASE)
