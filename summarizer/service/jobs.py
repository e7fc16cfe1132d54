"""Durable batch jobs: batches and their articles in a SQL database (SQLAlchemy Core).

SQLite by default; a PostgreSQL URL works unchanged, so several service replicas can share
one store. Work is handed out by lease, without database-specific locking:

* a worker *claims* an article with one conditional UPDATE (pending, or running with an
  expired lease) and checks that it won the row;
* while the model works it renews the lease (heartbeat);
* it *completes* the article with a conditional UPDATE that only succeeds while the claim
  is still its own, so a result is recorded once even if a slow worker's lease was taken
  over;
* a killed worker's article becomes claimable again when its lease expires.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

batches = Table(
    "batches",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("owner", String(32), nullable=False),
    Column("created", Float, nullable=False),
    Column("n_articles", Integer, nullable=False),
)

items = Table(
    "batch_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch_id", String(36), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("name", String(500), nullable=False),
    Column("text", Text, nullable=False),
    Column("status", String(10), nullable=False, index=True),  # pending|running|done|failed
    Column("claimed_by", String(64)),
    Column("lease_until", Float),
    Column("attempts", Integer, nullable=False, default=0),
    Column("result", Text),
    Column("error", Text),
    Column("error_type", String(40)),
    Column("finished", Float),
)

FINAL = ("done", "failed")
MAX_ATTEMPTS = 3
"""An article whose worker died this many times (lease expired each time) is failed, so
an article that crashes the process cannot take the replicas down in a loop."""


@dataclass(frozen=True)
class Claim:
    item_id: int
    batch_id: str
    position: int
    text: str
    worker: str


class JobStore:
    def __init__(self, url: str) -> None:
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **kwargs)
        metadata.create_all(self.engine)

    # -- submitting and reading -----------------------------------------------------------

    def create_batch(self, owner: str, articles: list[tuple[str, str]]) -> str:
        batch_id = str(uuid.uuid4())
        with self.engine.begin() as conn:
            conn.execute(
                insert(batches).values(
                    id=batch_id, owner=owner, created=time.time(), n_articles=len(articles)
                )
            )
            conn.execute(
                insert(items),
                [
                    {
                        "batch_id": batch_id,
                        "position": i,
                        "name": name[:500],
                        "text": text,
                        "status": "pending",
                        "attempts": 0,
                    }
                    for i, (name, text) in enumerate(articles)
                ],
            )
        return batch_id

    def batch(self, batch_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(batches).where(batches.c.id == batch_id)).mappings().first()
            if row is None:
                return None
            rows = conn.execute(
                select(
                    items.c.position,
                    items.c.name,
                    items.c.status,
                    items.c.attempts,
                    items.c.error,
                    items.c.error_type,
                    items.c.claimed_by.label("worker"),
                )
                .where(items.c.batch_id == batch_id)
                .order_by(items.c.position)
            ).mappings()
            articles = [dict(r) for r in rows]
        counts = {
            s: sum(a["status"] == s for a in articles) for s in (*FINAL, "pending", "running")
        }
        return {
            "id": row["id"],
            "owner": row["owner"],
            "created": row["created"],
            "n_articles": row["n_articles"],
            "counts": counts,
            "complete": counts["done"] + counts["failed"] == row["n_articles"],
            "articles": articles,
        }

    def results(self, batch_id: str) -> list[dict[str, Any]]:
        """Finished articles in input order, each as a JSON-ready dict."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(items)
                .where(and_(items.c.batch_id == batch_id, items.c.status.in_(FINAL)))
                .order_by(items.c.position)
            ).mappings()
            out = []
            for r in rows:
                doc: dict[str, Any] = {"position": r["position"], "name": r["name"]}
                if r["status"] == "done":
                    doc["output"] = json.loads(r["result"])
                else:
                    doc["error"] = {"type": r["error_type"], "detail": r["error"]}
                out.append(doc)
        return out

    def queue_depth(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(items).where(items.c.status == "pending")
                ).scalar_one()
            )

    # -- working ---------------------------------------------------------------------------

    def claim(self, worker: str, lease_seconds: float) -> Claim | None:
        """Take one pending article (or one whose lease expired); None when there is none.

        Leases compare wall-clock times of the replicas: keep their clocks in sync (NTP).
        """
        now = time.time()
        expired = and_(items.c.status == "running", items.c.lease_until < now)
        with self.engine.begin() as conn:
            conn.execute(
                update(items)
                .where(and_(expired, items.c.attempts >= MAX_ATTEMPTS))
                .values(
                    status="failed",
                    error_type="GaveUp",
                    error=f"its worker stopped {MAX_ATTEMPTS} times while summarizing it",
                    finished=now,
                    lease_until=None,
                )
            )
        claimable = or_(items.c.status == "pending", expired)
        for _ in range(5):  # another worker may win the row; try the next one
            with self.engine.begin() as conn:
                row = conn.execute(
                    select(items.c.id).where(claimable).order_by(items.c.id).limit(1)
                ).first()
                if row is None:
                    return None
                won = conn.execute(
                    update(items)
                    .where(and_(items.c.id == row.id, claimable))
                    .values(
                        status="running",
                        claimed_by=worker,
                        lease_until=now + lease_seconds,
                        attempts=items.c.attempts + 1,
                    )
                ).rowcount
                if won == 1:
                    claimed = conn.execute(
                        select(items.c.batch_id, items.c.position, items.c.text).where(
                            items.c.id == row.id
                        )
                    ).first()
                    assert claimed is not None
                    return Claim(row.id, claimed.batch_id, claimed.position, claimed.text, worker)
        return None

    def _mine(self, claim: Claim) -> Any:
        return and_(
            items.c.id == claim.item_id,
            items.c.claimed_by == claim.worker,
            items.c.status == "running",
        )

    def _update_mine(self, claim: Claim, **values: Any) -> bool:
        """Update the claimed row only while the claim is still this worker's."""
        with self.engine.begin() as conn:
            return (
                conn.execute(update(items).where(self._mine(claim)).values(**values)).rowcount == 1
            )

    def heartbeat(self, claim: Claim, lease_seconds: float) -> bool:
        return self._update_mine(claim, lease_until=time.time() + lease_seconds)

    def complete(self, claim: Claim, output: dict[str, Any]) -> bool:
        """Record the result; False (nothing written) when the claim was taken over."""
        return self._update_mine(
            claim,
            status="done",
            result=json.dumps(output, ensure_ascii=False),
            finished=time.time(),
            lease_until=None,
        )

    def release(self, claim: Claim) -> bool:
        """Give the article back untouched (the model was unavailable: not its fault)."""
        return self._update_mine(
            claim,
            status="pending",
            claimed_by=None,
            lease_until=None,
            attempts=items.c.attempts - 1,
        )

    def fail(self, claim: Claim, error_type: str, error: str) -> bool:
        """Record the failure; False (nothing written) when the claim was taken over."""
        return self._update_mine(
            claim,
            status="failed",
            error=error[:2000],
            error_type=error_type,
            finished=time.time(),
            lease_until=None,
        )
