// SPDX-License-Identifier: Apache-2.0
// The contract `qctl test contract` deploys. Its bytecode is embedded in src/quorum/contract.rs;
// compile.js rebuilds it and .ci/run checks the two agree.
pragma solidity 0.8.28;

contract SimpleStorage {
    uint256 private stored;

    constructor(uint256 initial) {
        stored = initial;
    }

    function set(uint256 value) public {
        stored = value;
    }

    function get() public view returns (uint256) {
        return stored;
    }
}
