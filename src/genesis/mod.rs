//! genesis.json per consensus, with RLP extraData for IBFT, QBFT and clique.
