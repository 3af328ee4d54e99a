//! Quorum network files derived from the resolved network: permissioned and static nodes, validator list, Tessera configs.
