"""Alembic environment: always run on the connection handed over by ``services.store``."""

import warnings

from alembic import context
from sqlalchemy.exc import SAWarning

from models.base import Base

# A new store's search index (revision 0011 creates today's layout) holds ix_contracts_search_head, an index
# on an expression, which SQLAlchemy cannot reflect when a later migration's batch mode copies the
# contracts table (0015). The copy drops it and ``search_index.ensure`` makes it again once the upgrade is
# done (``services.store.open_store``): the warning said nothing the officer could act on, yet
# ``main.py import`` printed it on a new store.
warnings.filterwarnings("ignore", message="Skipped unsupported reflection of expression-based index",
                        category=SAWarning)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table.
)
with context.begin_transaction():
    context.run_migrations()
