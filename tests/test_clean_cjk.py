"""Text-mode cleaning of Chinese and Japanese pages: these scripts write no spaces, so word
counts read Han and Kana characters as words (`cjk.cjk_words`); pages written here."""

from __future__ import annotations

import math

import numpy as np

from newstrace.clean import lines as L
from newstrace.clean.text import classify_lines

ZH_MENU = ["首页", "新闻", "国际", "财经", "体育", "科技", "文化", "登录", "注册"]
ZH_BODY = [
    "新华社北京5月12日电 记者从交通运输部获悉，今年一季度全国港口完成货物吞吐量同比增长百分之五点三，"
    "其中外贸货物吞吐量增长明显，集装箱运输保持稳定。",
    "交通运输部有关负责人在新闻发布会上表示，沿海主要港口的生产秩序总体良好，内河航运的运力也在逐步恢复，"
    "多数航线已经恢复到正常水平。",
    "据介绍，今年以来各地加快推进港口设施建设，一批自动化码头相继投入使用，装卸效率比传统码头提高了三成左右，"
    "人工成本明显下降。",
    "这位负责人说，下一步将继续完善多式联运体系，推动铁路、公路和水路之间更好衔接，降低企业物流成本，"
    "为稳定外贸提供有力支撑。",
    "业内专家认为，港口数据是观察经济运行的重要窗口。一季度吞吐量的增长说明外需有所回暖，"
    "但国际市场仍存在不少不确定因素，需要密切关注。",
    "此外，交通运输部还将加强对港口安全生产的检查，督促企业落实主体责任，坚决防范各类事故的发生，"
    "确保港口运行安全有序。",
    "记者在上海洋山港看到，一艘艘货轮正在有序装卸，远程操控的桥吊来回穿梭，码头上几乎看不到作业人员，"
    "一派繁忙景象。",
]
ZH_RELATED = ["相关新闻", "多地出台措施支持外贸企业发展", "铁路货运量连续三个月保持增长", "民航客运市场持续回暖"]
ZH_FOOTER = ["关于我们 | 联系我们 | 网站地图 | 广告服务", "版权所有 © 2024 示例新闻网 未经授权禁止转载"]
ZH_PAGE = "\n".join([
    "一季度全国港口货物吞吐量同比增长 - 示例新闻网", *ZH_MENU, "当前位置：首页 > 新闻 > 国内",
    "一季度全国港口货物吞吐量同比增长", "2024-05-12 09:30 来源：示例新闻网", *ZH_BODY,
    "责任编辑：王明", *ZH_RELATED, *ZH_FOOTER,
])

JA_MENU = ["ホーム", "ニュース", "政治", "経済", "国際", "スポーツ", "ログイン"]
JA_BODY = [
    "気象庁は十二日、関東甲信地方が梅雨入りしたとみられると発表した。平年より五日早く、昨年より八日早い梅雨入りとなった。",
    "気象庁によると、前線や湿った空気の影響で、関東甲信地方では向こう一週間、曇りや雨の日が多くなる見込みだという。",
    "東京都心では十二日朝から小雨が降り続き、通勤途中の人たちは傘を手に足早に駅へ向かっていた。",
    "専門家は、梅雨の時期は大雨による土砂災害や川の増水に注意が必要だと指摘し、最新の気象情報を確認するよう呼びかけている。",
    "また、気温の高い日も予想されることから、室内でも熱中症への対策を十分に取るよう求めている。",
    "昨年は記録的な少雨となった地域もあり、農業関係者からは今年の雨の降り方に関心が集まっている。",
]
JA_FOOTER = ["関連記事", "この記事をシェアする", "Copyright © 例示ニュース All rights reserved."]
JA_PAGE = "\n".join([
    "関東甲信で梅雨入り 平年より早く | 例示ニュース", *JA_MENU, "関東甲信で梅雨入り 平年より早く",
    "2024年6月12日 11時20分", *JA_BODY, JA_FOOTER[0], "九州南部で記録的な大雨", "今年の夏は平年より暑い見込み",
    *JA_FOOTER[1:],
])


def _kept(page: str) -> tuple[set[str], set[str]]:
    lines = classify_lines(page)
    return {ln.text for ln in lines if ln.keep}, {ln.text for ln in lines if not ln.keep}


def _words(line: str) -> int:
    return round(math.expm1(L.own_features(line)[L.COL["log_words"]]))


def test_chinese_page_body_kept_debris_dropped():
    kept, dropped = _kept(ZH_PAGE)
    assert set(ZH_BODY) <= kept
    assert set(ZH_MENU) <= dropped
    assert set(ZH_FOOTER) <= dropped
    assert set(ZH_RELATED) <= dropped
    assert "一季度全国港口货物吞吐量同比增长" in dropped  # the headline, repeated from the title


def test_japanese_page_body_kept_debris_dropped():
    kept, dropped = _kept(JA_PAGE)
    assert set(JA_BODY) <= kept
    assert set(JA_MENU) <= dropped
    assert set(JA_FOOTER) <= dropped


def test_densest_prose_block_is_the_story():
    """Before Han and Kana counted as words no CJK line was prose and the densest block
    landed on one short line; now it spans the paragraphs."""
    for page, body in ((ZH_PAGE, ZH_BODY), (JA_PAGE, JA_BODY)):
        p = L.build_page(page)
        lo, hi = p.main
        assert p.texts[lo:hi] == body
        prose = p.X[:, L.COL["prose"]] > 0
        assert prose[lo:hi].all() and not prose[:lo].any()


def test_word_counts_of_chinese_japanese_korean_and_latin_lines():
    # a Chinese clause of 20 Han characters: 12 words, not 1
    assert _words("今年一季度全国港口完成货物吞吐量同比增长") == 12
    # Han and Kana mixed, with a Latin word inside the run: "iPhone" counts as a word
    line = "不正に改造したiPhoneです"
    han, kana = 4, 5  # 不正改造, にしたです
    assert _words(line) == 1 + round(0.6 * han + 0.4 * kana)
    # a short menu item stays short; a single character is still one word
    assert _words("首页") == 1 and _words("購") == 1
    # Korean writes spaces: words as before (runs of word characters)
    assert _words("정부는 오늘 새로운 정책을 발표했다.") == 5
    assert _words("The council voted on Tuesday.") == 5


def test_word_counts_only_change_on_lines_with_han_or_kana():
    page = "\n".join(["Breaking news today", "東京都心では十二日朝から小雨が降り続いた。", "한국어 문장 입니다", "12:45"])
    p = L.build_page(page)
    words = np.expm1(p.X[:, L.COL["log_words"]]).round().astype(int).tolist()
    assert words == [3, _words(p.texts[1]), 3, 2]
    assert words[1] >= 10  # 9 Han and 9 Kana characters: prose-sized


def test_lines_ending_in_a_cjk_comma_go_on_below():
    """A sentence cut into lines after "、" or "，" is one block, as after ","."""
    page = "\n".join(["また、その他にも、", "もとの商品に付された商標を消した商品を販売する行為や、",
                      "もとの商品を小分けにして販売するような行為は、", "商標権侵害と判断される場合があります。",
                      "首页", "此外，", "交通运输部还将加强对港口安全生产的检查。", "Menu", "Home"])
    p = L.build_page(page)
    blocks = L.fragment_blocks(p.edges[0], p.edges[1], p.X[:, L.COL["terminal"]]).tolist()
    assert blocks[0] == blocks[1] == blocks[2] == blocks[3] != blocks[4]
    assert blocks[4] != blocks[5] == blocks[6] != blocks[7] != blocks[8]
    assert p.X[[0, 5], L.COL["ends_open"]].tolist() == [1, 1]


def test_cjk_section_labels_standing_alone_are_dropped():
    labels = ["相关新闻", "标签：", "関連記事", "タグ:", "관련기사", "많이 본 뉴스"]
    page = "\n".join([ZH_BODY[0], *labels[:2], *ZH_BODY[1:4], *labels[2:], *ZH_BODY[4:]])
    got = {ln.text: ln for ln in classify_lines(page)}
    assert not any(got[x].keep for x in labels)
    assert all(got[p].keep for p in ZH_BODY)
    # a label inside a sentence is no label
    assert [ln.keep for ln in classify_lines("相关新闻称，" + ZH_BODY[0])] == [True]
