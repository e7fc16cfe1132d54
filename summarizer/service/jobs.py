"""Durable batch jobs: batches and their articles in a SQL database (SQLAlchemy Core).

SQLite by default; a PostgreSQL URL works unchanged, so several service replicas can share
one store. Work is handed out by lease, without database-specific locking:

* a worker *claims* an article with one conditional UPDATE (pending, or running with an
  expired lease) and checks that it won the row;
* while the model works it renews the lease (heartbeat);
* it *completes* the article with a conditional UPDATE that only succeeds while the claim
  is still its own, so a result is recorded once even if a slow worker's lease was taken
  over;
* a killed worker's article becomes claimable again when its lease expires;
* a cancelled batch's articles are never claimed: cancelling marks its pending articles
  ``cancelled`` and the claim query skips every article of a cancelled batch.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

metadata = MetaData()

batches = Table(
    "batches",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("owner", String(32), nullable=False),
    Column("created", Float, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("cancelled", Float),  # when DELETE /v1/batches/{id} cancelled it
    Column("notified", Float),  # when its webhook was sent (summarizer.service.webhook)
)
# listing a caller's batches, newest first (GET /v1/batches)
Index("ix_batches_owner_created", batches.c.owner, batches.c.created, batches.c.id)

items = Table(
    "batch_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch_id", String(36), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("name", String(500), nullable=False),
    Column("text", Text, nullable=False),
    # pending|running|done|failed|cancelled
    Column("status", String(10), nullable=False, index=True),
    Column("claimed_by", String(64)),
    Column("lease_until", Float),
    Column("attempts", Integer, nullable=False, default=0),
    Column("result", Text),
    Column("error", Text),
    Column("error_type", String(40)),
    Column("finished", Float),
    # transient failures: the earliest claim time of the next try, and why it waits
    Column("not_before", Float),
    Column("waiting", Text),
    Column("failing_since", Float),
)

idempotency = Table(
    "batch_idempotency",
    metadata,
    Column("owner", String(32), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("body_hash", String(64), nullable=False),
    Column("batch_id", String(36), nullable=False),
    Column("created", Float, nullable=False),
)

FINAL = ("done", "failed")
STATUSES = (*FINAL, "cancelled", "pending", "running")
LIST_LIMIT = 100
MAX_ATTEMPTS = 5
"""Default number of attempts (claims) of one article before it is failed: counted across
transient failures and dead workers alike, so neither a poison article nor one that crashes
the process can hold a worker in a loop."""


class IdempotencyConflict(Exception):
    """The idempotency key was used before with another request body."""

    def __init__(self, batch_id: str) -> None:
        super().__init__(batch_id)
        self.batch_id = batch_id


@dataclass(frozen=True)
class Claim:
    item_id: int
    batch_id: str
    position: int
    text: str
    worker: str
    attempt: int = 1


class JobStore:
    def __init__(self, url: str, *, max_attempts: int = MAX_ATTEMPTS) -> None:
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **kwargs)
        self.max_attempts = max_attempts
        metadata.create_all(self.engine)
        self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """A store created by an older version lacks the retry and cancel columns and the
        listing index: add them."""
        new = {
            "batch_items": {"not_before": "FLOAT", "waiting": "TEXT", "failing_since": "FLOAT"},
            "batches": {"cancelled": "FLOAT", "notified": "FLOAT"},
        }
        # PostgreSQL: replicas may start together, so the ALTER must tolerate a winner
        guard = "IF NOT EXISTS " if self.engine.dialect.name == "postgresql" else ""
        with self.engine.begin() as conn:
            for table, columns in new.items():
                present = {c["name"] for c in inspect(conn).get_columns(table)}
                for column, kind in columns.items():
                    if column not in present:
                        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {guard}{column} {kind}"))
        for index in batches.indexes:
            index.create(self.engine, checkfirst=True)

    def ping(self) -> None:
        """Raises when the store cannot be reached."""
        with self.engine.connect() as conn:
            conn.execute(select(1)).scalar_one()

    # -- submitting and reading -----------------------------------------------------------

    def create_batch(
        self,
        owner: str,
        articles: list[tuple[str, str]],
        *,
        idempotency_key: str | None = None,
        body_hash: str = "",
    ) -> tuple[str, bool]:
        """The batch id and whether it was created now (False: an earlier request with the
        same idempotency key and body made it). Raises :class:`IdempotencyConflict` when
        the key was used with another body."""
        if idempotency_key is not None:
            existing = self._idempotent(owner, idempotency_key, body_hash)
            if existing is not None:
                return existing, False
        try:
            return self._insert_batch(owner, articles, idempotency_key, body_hash), True
        except IntegrityError:
            if idempotency_key is None:
                raise
            # a concurrent request with the same key won the race
            existing = self._idempotent(owner, idempotency_key, body_hash)
            if existing is None:
                raise
            return existing, False

    def _idempotent(self, owner: str, key: str, body_hash: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(idempotency.c.batch_id, idempotency.c.body_hash).where(
                    and_(idempotency.c.owner == owner, idempotency.c.key == key)
                )
            ).first()
        if row is None:
            return None
        if row.body_hash != body_hash:
            raise IdempotencyConflict(row.batch_id)
        return str(row.batch_id)

    def _insert_batch(
        self, owner: str, articles: list[tuple[str, str]], key: str | None, body_hash: str
    ) -> str:
        batch_id = str(uuid.uuid4())
        with self.engine.begin() as conn:
            if key is not None:
                conn.execute(
                    insert(idempotency).values(
                        owner=owner,
                        key=key,
                        body_hash=body_hash,
                        batch_id=batch_id,
                        created=time.time(),
                    )
                )
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
                    items.c.waiting,
                    items.c.claimed_by.label("worker"),
                )
                .where(items.c.batch_id == batch_id)
                .order_by(items.c.position)
            ).mappings()
            articles = [dict(r) for r in rows]
        for article in articles:
            if row["cancelled"] is not None and article["status"] == "pending":
                article["status"] = "cancelled"  # released by a worker as it was cancelled
            if article["status"] != "pending" or not article["waiting"]:
                article.pop("waiting")
        statuses = [a["status"] for a in articles]
        summary = _summary(row, {s: statuses.count(s) for s in STATUSES})
        return {**summary, "articles": articles}

    def list_batches(
        self, owner: str, limit: int, before: tuple[float, str] | None = None
    ) -> tuple[list[dict[str, Any]], bool]:
        """The owner's batches newest first (without their articles), after the position
        ``before`` (the last one of the previous page: its created time and id); and
        whether more follow."""
        query = select(batches).where(batches.c.owner == owner)
        if before is not None:
            created, last_id = before
            query = query.where(
                or_(
                    batches.c.created < created,
                    and_(batches.c.created == created, batches.c.id < last_id),
                )
            )
        query = query.order_by(batches.c.created.desc(), batches.c.id.desc()).limit(limit + 1)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
            page = rows[:limit]
            tally: dict[str, dict[str, int]] = {r["id"]: {} for r in page}
            if page:
                counted = conn.execute(
                    select(items.c.batch_id, items.c.status, func.count())
                    .where(items.c.batch_id.in_(list(tally)))
                    .group_by(items.c.batch_id, items.c.status)
                )
                for batch_id, status, n in counted:
                    tally[batch_id][status] = n
        return [_summary(r, tally[r["id"]]) for r in page], len(rows) > limit

    def cancel(self, batch_id: str) -> None:
        """Cancel a batch: its pending articles become ``cancelled`` and are never claimed;
        articles being summarized finish; finished ones stay. Cancelling again, or
        cancelling a complete batch, changes nothing."""
        now = time.time()
        busy = (
            select(items.c.id)
            .where(and_(items.c.batch_id == batch_id, items.c.status.in_(("pending", "running"))))
            .exists()
        )
        with self.engine.begin() as conn:
            conn.execute(  # a batch already complete stays complete
                update(batches)
                .where(and_(batches.c.id == batch_id, batches.c.cancelled.is_(None), busy))
                .values(cancelled=now)
            )
            conn.execute(
                update(items)
                .where(and_(items.c.batch_id == batch_id, items.c.status == "pending"))
                .values(status="cancelled", finished=now, waiting=None)
            )

    def finished(self, batch_id: str) -> dict[str, Any] | None:
        """The batch's summary when it has just finished (no article pending or running)
        and no one reported it yet; None otherwise. Only one caller, of any replica, gets
        it: the batch is marked notified in the same step."""
        busy = items.c.status.in_(("pending", "running"))
        with self.engine.begin() as conn:
            left = conn.execute(
                select(items.c.id).where(and_(items.c.batch_id == batch_id, busy)).limit(1)
            ).first()
            if left is not None:
                return None
            won = conn.execute(
                update(batches)
                .where(and_(batches.c.id == batch_id, batches.c.notified.is_(None)))
                .values(notified=time.time())
            ).rowcount
        if won != 1:
            return None
        summary = self.batch(batch_id)
        return None if summary is None else {k: v for k, v in summary.items() if k != "articles"}

    def results(
        self, batch_id: str, offset: int = 0, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Finished articles in input order, each as a JSON-ready dict: those at positions
        ``offset`` to ``offset + limit - 1`` (all from ``offset`` when ``limit`` is None)."""
        where = [items.c.batch_id == batch_id, items.c.status.in_(FINAL)]
        where.append(items.c.position >= offset)
        if limit is not None:
            where.append(items.c.position < offset + limit)
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(items).where(and_(*where)).order_by(items.c.position)
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

    def article(self, batch_id: str, position: int) -> dict[str, Any] | None:
        """One article of the batch as given and as it stands: ``position``, ``name``,
        ``text`` (the input as submitted), ``status``, and ``output`` (done) or ``error``
        (failed) like :meth:`results`; None when the batch has no such position."""
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(items).where(
                        and_(items.c.batch_id == batch_id, items.c.position == position)
                    )
                )
                .mappings()
                .first()
            )
        if row is None:
            return None
        doc: dict[str, Any] = {
            "position": row["position"],
            "name": row["name"],
            "text": row["text"],
            "status": row["status"],
        }
        if row["status"] == "done":
            doc["output"] = json.loads(row["result"])
        elif row["status"] == "failed":
            doc["error"] = {"type": row["error_type"], "detail": row["error"]}
        return doc

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
        cancelled = (
            select(batches.c.id)
            .where(and_(batches.c.id == items.c.batch_id, batches.c.cancelled.is_not(None)))
            .exists()
        )
        with self.engine.begin() as conn:
            # an article whose worker died after its batch was cancelled is not redone
            conn.execute(
                update(items)
                .where(and_(expired, cancelled))
                .values(status="cancelled", finished=now, lease_until=None)
            )
            conn.execute(
                update(items)
                .where(and_(expired, items.c.attempts >= self.max_attempts))
                .values(
                    status="failed",
                    error_type="GaveUp",
                    error=f"gave up after {self.max_attempts} attempts: its worker stopped "
                    "while summarizing it",
                    finished=now,
                    lease_until=None,
                )
            )
        due = or_(items.c.not_before.is_(None), items.c.not_before <= now)
        claimable = and_(or_(and_(items.c.status == "pending", due), expired), ~cancelled)
        for _ in range(5):  # another worker may win the row; try the next one
            with self.engine.begin() as conn:
                # fewest attempts first: an article that keeps failing never cuts ahead
                row = conn.execute(
                    select(items.c.id)
                    .where(claimable)
                    .order_by(items.c.attempts, items.c.id)
                    .limit(1)
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
                        select(
                            items.c.batch_id, items.c.position, items.c.text, items.c.attempts
                        ).where(items.c.id == row.id)
                    ).first()
                    assert claimed is not None
                    return Claim(
                        row.id,
                        claimed.batch_id,
                        claimed.position,
                        claimed.text,
                        worker,
                        claimed.attempts,
                    )
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
            waiting=None,
        )

    def release(self, claim: Claim, reason: str, backoff: float) -> bool:
        """Give the article back after a transient failure (the endpoint, not the article):
        it waits ``backoff`` seconds, its attempts stay counted. False when the claim was
        taken over."""
        now = time.time()
        next_try = now + backoff
        with self.engine.begin() as conn:
            since = conn.execute(
                select(items.c.failing_since).where(items.c.id == claim.item_id)
            ).scalar_one_or_none()
            since = since or now
            stopped = conn.execute(
                select(batches.c.cancelled).where(batches.c.id == claim.batch_id)
            ).scalar_one_or_none()
            if stopped is not None:  # cancelled meanwhile: not tried again
                return (
                    conn.execute(
                        update(items)
                        .where(self._mine(claim))
                        .values(status="cancelled", finished=now, lease_until=None)
                    ).rowcount
                    == 1
                )
            limit = (
                f"of {self.max_attempts}"
                if claim.attempt < self.max_attempts
                else f"(the limit of {self.max_attempts} applies once the endpoint answers "
                "other articles)"
            )
            waiting = (
                f"waiting: {reason} since {_iso(since)}, attempt {claim.attempt} {limit}, "
                f"next try at {_iso(next_try)}"
            )
            return (
                conn.execute(
                    update(items)
                    .where(self._mine(claim))
                    .values(
                        status="pending",
                        claimed_by=None,
                        lease_until=None,
                        not_before=next_try,
                        waiting=waiting,
                        failing_since=since,
                    )
                ).rowcount
                == 1
            )

    def endpoint_worked_since_failing(self, claim: Claim) -> bool:
        """Whether another article was summarized since this one first failed: then the
        endpoint works and its failures on this article count as the article's."""
        with self.engine.connect() as conn:
            since = conn.execute(
                select(items.c.failing_since).where(items.c.id == claim.item_id)
            ).scalar_one_or_none()
            if since is None:
                return False
            return (
                conn.execute(
                    select(items.c.id)
                    .where(and_(items.c.status == "done", items.c.finished > since))
                    .limit(1)
                ).first()
                is not None
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
            waiting=None,
        )


def _summary(row: Any, statuses: dict[str, int]) -> dict[str, Any]:
    """A batch's row and its articles' counts by status, as the API shows them."""
    counts = {s: statuses.get(s, 0) for s in STATUSES}
    complete = counts["pending"] + counts["running"] == 0
    state = (
        "cancelled" if row["cancelled"] is not None else "complete" if complete else "in_progress"
    )
    return {
        "id": row["id"],
        "owner": row["owner"],
        "created": row["created"],
        "n_articles": row["n_articles"],
        "status": state,
        "cancelled": row["cancelled"],
        "counts": counts,
        "complete": complete,
    }


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).isoformat(timespec="seconds")
