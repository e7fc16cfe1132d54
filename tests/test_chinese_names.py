"""Chinese names written in Cyrillic (Palladius) come back as pinyin: invented names."""

from __future__ import annotations

import pytest

from summarizer.stages.chinese_names import pinyin_name
from summarizer.stages.record import ArticleRecord
from summarizer.stages.run import find_facts


@pytest.mark.parametrize(
    ("cyrillic", "pinyin"),
    [
        ("Гао Линьфэн", "Gao Linfeng"),
        ("Ли Цзюнь", "Li Jun"),  # цз before ю(нь) is j
        ("Чэнь Юань", "Chen Yuan"),  # zero-initial syllable
        ("Сюй Чжиго", "Xu Zhiguo"),  # с before юй is x; чжи is zhi; го is guo
        ("Ван Ихэ", "Wang Yihe"),
    ],
)
def test_a_palladius_name_becomes_pinyin(cyrillic, pinyin):
    assert pinyin_name(cyrillic) == pinyin


@pytest.mark.parametrize("name", ["Иван Петров", "Анна Ли", "Даниал Ахметов", "Ли"])
def test_other_names_are_left_alone(name):
    # not all syllables, no surname first, or a single word
    assert pinyin_name(name) is None


def test_an_article_naming_china_gets_pinyin_names_even_inflected():
    text = "Министр встретился с гостем из Китая Ваном Минлуном. Присутствовал Иван Петров."
    record = ArticleRecord(source=text, language="ru")
    find_facts(record)
    assert [p.name for p in record.people] == ["Wang Minglong", "Ivan Petrov"]


def test_without_china_in_the_article_names_are_transliterated_as_before():
    record = ArticleRecord(source="Министр Иван Петров встретил гостя Ли Цзюня.", language="ru")
    find_facts(record)
    assert "Li Jun" not in [p.name for p in record.people]


@pytest.mark.parametrize(
    ("cyrillic", "pinyin"),
    [("Цзилинь", "Jilin"), ("Сычуань", "Sichuan"), ("Хэнань", "Henan"), ("Сахалин", None)],
)
def test_chinese_place_names_become_pinyin_and_russian_ones_do_not(cyrillic, pinyin):
    from summarizer.stages.chinese_names import pinyin_place

    assert pinyin_place(cyrillic) == pinyin


def test_a_chinese_province_in_a_russian_article_is_found_in_pinyin():
    from summarizer.stages.places import find_places

    found = find_places("Врачи из провинции Цзилинь (Китай) приехали в Томск.", "ru")
    assert ("Jilin", "CN") in [(loc.name, loc.country) for loc in found.locations]


@pytest.mark.parametrize(
    "text",
    [
        "托木斯克市卫生局局长张小林3日与代表团会谈。",  # a date right after the name
        "图拉市卫生委员会主任张小林会晤了代表团。",  # a verb of meeting
        "图拉医院主任医师张小林担任医疗队队长。",  # a verb of taking a post
    ],
)
def test_a_han_name_ends_before_a_date_or_a_verb(text):
    from summarizer.stages.chinese_names import find_people

    assert [p.name for p in find_people(text, "zh")] == ["Zhang Xiaolin"]


def test_a_chief_executive_title_names_the_person_after_it():
    from summarizer.stages.chinese_names import find_people

    text = "托木斯克行政长官王海涛也出席了会议。"
    assert [p.name for p in find_people(text, "zh")] == ["Wang Haitao"]


def test_a_han_name_ends_at_punctuation_and_no_count_is_a_name():
    from summarizer.stages.chinese_names import find_people

    text = "校长季明、副校长周立出席了仪式。30余名医生参加了培训。"
    assert [p.name for p in find_people(text)] == ["Ji Ming", "Zhou Li"]


def test_a_charge_daffaires_title_introduces_a_han_name():
    from summarizer.stages.chinese_names import find_people

    assert [p.name for p in find_people("驻柳州临时代办王立会见了代表团。")] == ["Wang Li"]
