"""sellsOn: a seller (person or company) and the platform it sells on, from selling verbs and seller nouns."""

from __future__ import annotations

import re

from ..model import Mention, Relation
from ..recognize.lexicon import Lexicon
from ..resolve import entity_id
from .template import SentenceView, slots

_SELL = r"(?:开店|开设[\u4e00-\u9fff]{0,4}?(?:店|店铺|直播间|账号)|开网店|卖货|销售|售卖|直播带货|带货|卖|经营|做生意|直播卖货|上架)"


def _platform_of(mention: Mention, lexicon: Lexicon) -> str | None:
    """The platform itself, or for a business unit named after one (快手电商) that platform."""
    if "Platform" in mention.types:
        return entity_id(mention.type, mention.key)
    found = lexicon.owner_of(mention.key, ("Platform", "Company")) if mention.type == "BusinessUnit" else None
    return entity_id("Platform", found[1].canonical) if found and "Platform" in found[1].types else None


def commerce_relations(view: SentenceView, lexicon: Lexicon) -> list[Relation]:
    t, out = view.template, []
    rules = (
        # 张三在抖音上直播带货 / 某品牌通过天猫销售
        (
            slots("s", "POABR")
            + r"(?:[\u4e00-\u9fff]{0,4}?)(?:在|于|通过|借助|依托)"
            + slots("ps", "ABO")
            + r"(?:上|平台上?|里)?(?:[\u4e00-\u9fff]{0,4}?)"
            + _SELL,
            "sells_via",
        ),
        # 某品牌入驻天猫 / 商家进驻拼多多
        (
            slots("s", "POABR")
            + r"(?:后来|随后|此后|之后|目前|现已|已|已经|正式|也|还|先后|相继|陆续|于⟦D\d+⟧)*(?:入驻|进驻|登陆)(?:了)?"
            + slots("ps", "AB"),
            "joined_platform",
        ),
        # 娃娃夫妻是快手电商女装品类的头部商家
        (
            slots("s", "POAB")
            + r"[,，]?(?:是|为|作为|成为)(?:了)?"
            + slots("ps", "AOB")
            + r"(?:平台)?(?:上)?[\u4e00-\u9fff]{0,8}?的?(?:头部|知名|顶级|重要|大)?(?:商家|卖家|店铺|带货主播|主播|网店)",
            "is_seller",
        ),
    )
    for rx, rule in rules:
        for m in re.finditer(rx, t):
            for platform in view.many(m.group("ps")):
                target = _platform_of(view.mentions[platform], lexicon)
                if target is None:
                    continue
                for s in view.many(m.group("s")):
                    out.append(
                        view.relation(s, "sellsOn", platform, rule=rule, confidence=0.8, object_id=target)
                    )
    return out
