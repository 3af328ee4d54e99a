// Compiles SimpleStorage.sol with the solc npm package (solc-js, pinned in package.json) for the
// EVM of qctl's genesis (istanbul, no metadata hash) and prints the creation bytecode as hex.
// Usage: npm ci --prefix tests/contracts && node tests/contracts/compile.js
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const source = fs.readFileSync(path.join(__dirname, "SimpleStorage.sol"), "utf8");
const input = {
  language: "Solidity",
  sources: { "SimpleStorage.sol": { content: source } },
  settings: {
    evmVersion: "istanbul",
    optimizer: { enabled: true, runs: 200 },
    metadata: { appendCBOR: false },
    outputSelection: { "*": { SimpleStorage: ["evm.bytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
process.stdout.write(output.contracts["SimpleStorage.sol"].SimpleStorage.evm.bytecode.object + "\n");
