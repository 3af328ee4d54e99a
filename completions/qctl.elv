
use builtin;
use str;

set edit:completion:arg-completer[qctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'qctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'qctl'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Write a minimal qubernetes.yaml for a new network'
            cand node 'Add, change, list, remove, stop and start the nodes of the network'
            cand generate 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
            cand deploy 'Apply out/ to the cluster with server-side apply'
            cand status 'Show each node''s pod, readiness, restarts, NodePorts and endpoints'
            cand destroy 'Delete what deploy created (asks unless --yes)'
            cand export-external 'Print a join bundle of this network''s nodes for another organisation'
            cand add-external 'Import another organisation''s join bundle into the config'
            cand logs 'Print the logs of a node''s container'
            cand connect 'Open a shell in a node''s container, or run a command there'
            cand geth 'geth''s JavaScript console on a node'
            cand rpc 'Call a JSON-RPC method on a node''s geth and print the result as JSON'
            cand validator 'The validator (QBFT/IBFT) or signer (clique) set, and votes to change it'
            cand external 'List and remove the external nodes (other organisations'' nodes this network peers with)'
            cand test 'Check a running network end to end'
            cand monitor 'Turn the Prometheus server that scrapes every node''s metrics on or off'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;init'= {
            cand --num 'Number of nodes'
            cand --consensus 'Consensus engine [default: qbft]'
            cand --quorum-version 'GoQuorum version [default: 24.4.1]'
            cand --tm 'Transaction manager [default: tessera]'
            cand --tm-version 'Tessera version [default: 24.4.2]'
            cand --chain-id 'Chain id [default: 1000]'
            cand --name-prefix 'Node names are <prefix>-node1, <prefix>-node2, … [default: quorum]'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --force 'Replace an existing config'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;node'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Append a node to the config'
            cand update 'Change settings of a node in the config; only the flags given change'
            cand ls 'List the nodes; with generated keys, their enode, address and Tessera key'
            cand rm 'Remove a node from the config (its keys stay unless --purge-keys)'
            cand stop 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services'
            cand start 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;node;add'= {
            cand --key-dir 'Key directory name [add: key-<NAME>]'
            cand --consensus 'Consensus [add: genesis.consensus]'
            cand --quorum-version 'GoQuorum version [add: genesis.Quorum_Version]'
            cand --tm 'Transaction manager [add: that of the first node]'
            cand --tm-version 'Tessera version [add: that of the first node]'
            cand --quorum-image 'Full GoQuorum image reference'
            cand --tm-image 'Full Tessera image reference'
            cand --geth-params 'Extra geth flags, appended verbatim (update: replaces the node''s)'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;node;update'= {
            cand --key-dir 'Key directory name [add: key-<NAME>]'
            cand --consensus 'Consensus [add: genesis.consensus]'
            cand --quorum-version 'GoQuorum version [add: genesis.Quorum_Version]'
            cand --tm 'Transaction manager [add: that of the first node]'
            cand --tm-version 'Tessera version [add: that of the first node]'
            cand --quorum-image 'Full GoQuorum image reference'
            cand --tm-image 'Full Tessera image reference'
            cand --geth-params 'Extra geth flags, appended verbatim (update: replaces the node''s)'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;node;ls'= {
            cand -o 'Output format; wide adds columns [default: table on a terminal, else json]'
            cand --output 'Output format; wide adds columns [default: table on a terminal, else json]'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;node;rm'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --purge-keys 'Also delete the node''s key directory (asks unless --yes)'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;node;stop'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;node;start'= {
            cand --timeout 'How long --wait waits, e.g. 5m, 90s'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --wait 'Wait until the node''s pod is ready'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;node;help'= {
            cand add 'Append a node to the config'
            cand update 'Change settings of a node in the config; only the flags given change'
            cand ls 'List the nodes; with generated keys, their enode, address and Tessera key'
            cand rm 'Remove a node from the config (its keys stay unless --purge-keys)'
            cand stop 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services'
            cand start 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;node;help;add'= {
        }
        &'qctl;node;help;update'= {
        }
        &'qctl;node;help;ls'= {
        }
        &'qctl;node;help;rm'= {
        }
        &'qctl;node;help;stop'= {
        }
        &'qctl;node;help;start'= {
        }
        &'qctl;node;help;help'= {
        }
        &'qctl;generate'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --recreate 'Wipe out/ (after confirmation) and generate everything anew, genesis and keys included'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;deploy'= {
            cand --wait-for 'What --wait waits for: the chain (pods Ready, peers connected, blocks advancing or a raft leader) or only the pods'
            cand --timeout 'How long --wait waits, e.g. 10m, 90s'
            cand --prune 'Delete the qctl-labelled objects of nodes no longer in the config (asks unless --yes); --prune=false leaves them'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --wait 'Wait until every node is ready (see --wait-for)'
            cand --dry-run 'Ask the API server what would change, change nothing'
            cand --force-conflicts 'Take over fields that another field manager (kubectl, an operator) set on qctl''s objects'
            cand --prune-data 'Also prune the volumes (PVCs, chain data) of removed nodes'
            cand --replace-identity 'Deploy even if the running genesis or a node''s identity (enode id, address) differs from out/''s'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;status'= {
            cand -o 'Output format; wide adds columns [default: table on a terminal, else json]'
            cand --output 'Output format; wide adds columns [default: table on a terminal, else json]'
            cand --node-ip 'Address of the cluster''s nodes for NodePort endpoints [default: ExternalIP of a Ready node, else its InternalIP]'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --endpoints 'List each node''s endpoints instead of the table of pods (JSON and YAML always hold them)'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;destroy'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --keep-data 'Keep the nodes'' volumes (PVCs) and so their chain data'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;export-external'= {
            cand --node-ip 'Reachable address of the cluster''s nodes [default: ExternalIP of a Ready node]'
            cand --nodes 'Export only these nodes'
            cand --output-file 'Write the bundle to a file instead of stdout'
            cand -o 'Bundle format'
            cand --output 'Bundle format'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --without-genesis 'Leave the genesis out of the bundle'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;add-external'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --replace 'Update entries of the same names whose content changed'
            cand --allow-private-peers 'Accept peer hosts that are loopback, link-local or cluster-internal names (a test network whose "other organisation" runs in the same cluster)'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;logs'= {
            cand --container 'The container (`-c` is `--config` in every qctl command)'
            cand --tail 'Print only the last N lines'
            cand --since 'Only lines newer than this, e.g. 10m, 1h'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand -f 'Keep printing new lines until interrupted'
            cand --follow 'Keep printing new lines until interrupted'
            cand -p 'The logs of the container''s previous run (after a restart)'
            cand --previous 'The logs of the container''s previous run (after a restart)'
            cand --timestamps 'Prefix each line with its time'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;connect'= {
            cand --container 'The container (`-c` is `--config` in every qctl command)'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;geth'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand exec 'Run JavaScript in a node''s geth console and print the result'
            cand attach 'Open geth''s interactive console on a node'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;geth;exec'= {
            cand --timeout 'How long the script may run'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;geth;attach'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;geth;help'= {
            cand exec 'Run JavaScript in a node''s geth console and print the result'
            cand attach 'Open geth''s interactive console on a node'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;geth;help;exec'= {
        }
        &'qctl;geth;help;attach'= {
        }
        &'qctl;geth;help;help'= {
        }
        &'qctl;rpc'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;validator'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'Show the set as a running node sees it: local, external and pending members'
            cand propose 'Vote a node into (or out of) the set on every local member, and watch the tally'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;validator;ls'= {
            cand -o 'Output format; wide adds the votes [default: table on a terminal, else json]'
            cand --output 'Output format; wide adds the votes [default: table on a terminal, else json]'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;validator;propose'= {
            cand --timeout 'How long to watch the set change; 0 casts the votes and returns'
            cand -o 'Output format of the final set [default: table on a terminal, else json]'
            cand --output 'Output format of the final set [default: table on a terminal, else json]'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --remove 'Vote to remove instead of to add'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;validator;help'= {
            cand ls 'Show the set as a running node sees it: local, external and pending members'
            cand propose 'Vote a node into (or out of) the set on every local member, and watch the tally'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;validator;help;ls'= {
        }
        &'qctl;validator;help;propose'= {
        }
        &'qctl;validator;help;help'= {
        }
        &'qctl;external'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'List the external nodes of the config'
            cand rm 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;external;ls'= {
            cand -o 'Output format; wide adds the address [default: table on a terminal, else json]'
            cand --output 'Output format; wide adds the address [default: table on a terminal, else json]'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;external;rm'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;external;help'= {
            cand ls 'List the external nodes of the config'
            cand rm 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;external;help;ls'= {
        }
        &'qctl;external;help;rm'= {
        }
        &'qctl;external;help;help'= {
        }
        &'qctl;test'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand contract 'Deploy a storage contract from a node, public and private, and check who can read it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;test;contract'= {
            cand --private-for 'A party to the private contract: a node or external node of this config, or a Tessera public key'
            cand --timeout 'How long to wait for blocks and for the values to show on every node'
            cand -o 'Output format of the results [default: table on a terminal, else json]'
            cand --output 'Output format of the results [default: table on a terminal, else json]'
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --public 'Only the public contract'
            cand --private 'Only the private contract'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;test;help'= {
            cand contract 'Deploy a storage contract from a node, public and private, and check who can read it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;test;help;contract'= {
        }
        &'qctl;test;help;help'= {
        }
        &'qctl;monitor'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)'
            cand rm 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;monitor;add'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;monitor;rm'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;monitor;help'= {
            cand add 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)'
            cand rm 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;monitor;help;add'= {
        }
        &'qctl;monitor;help;rm'= {
        }
        &'qctl;monitor;help;help'= {
        }
        &'qctl;completions'= {
            cand -c 'Path of the network config'
            cand --config 'Path of the network config'
            cand --out 'Directory of generated files'
            cand -n 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --namespace 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]'
            cand --kubeconfig 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]'
            cand --context 'Kubernetes context to use [default: the current context]'
            cand --request-timeout 'How long one request to the API server may go unanswered, e.g. 30s, 2m'
            cand --lock-timeout 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m'
            cand --strict 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also when NO_COLOR is set and not empty)'
            cand -y 'Never prompt; take defaults and confirm'
            cand --yes 'Never prompt; take defaults and confirm'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;help'= {
            cand init 'Write a minimal qubernetes.yaml for a new network'
            cand node 'Add, change, list, remove, stop and start the nodes of the network'
            cand generate 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
            cand deploy 'Apply out/ to the cluster with server-side apply'
            cand status 'Show each node''s pod, readiness, restarts, NodePorts and endpoints'
            cand destroy 'Delete what deploy created (asks unless --yes)'
            cand export-external 'Print a join bundle of this network''s nodes for another organisation'
            cand add-external 'Import another organisation''s join bundle into the config'
            cand logs 'Print the logs of a node''s container'
            cand connect 'Open a shell in a node''s container, or run a command there'
            cand geth 'geth''s JavaScript console on a node'
            cand rpc 'Call a JSON-RPC method on a node''s geth and print the result as JSON'
            cand validator 'The validator (QBFT/IBFT) or signer (clique) set, and votes to change it'
            cand external 'List and remove the external nodes (other organisations'' nodes this network peers with)'
            cand test 'Check a running network end to end'
            cand monitor 'Turn the Prometheus server that scrapes every node''s metrics on or off'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;help;init'= {
        }
        &'qctl;help;node'= {
            cand add 'Append a node to the config'
            cand update 'Change settings of a node in the config; only the flags given change'
            cand ls 'List the nodes; with generated keys, their enode, address and Tessera key'
            cand rm 'Remove a node from the config (its keys stay unless --purge-keys)'
            cand stop 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services'
            cand start 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1'
        }
        &'qctl;help;node;add'= {
        }
        &'qctl;help;node;update'= {
        }
        &'qctl;help;node;ls'= {
        }
        &'qctl;help;node;rm'= {
        }
        &'qctl;help;node;stop'= {
        }
        &'qctl;help;node;start'= {
        }
        &'qctl;help;generate'= {
        }
        &'qctl;help;deploy'= {
        }
        &'qctl;help;status'= {
        }
        &'qctl;help;destroy'= {
        }
        &'qctl;help;export-external'= {
        }
        &'qctl;help;add-external'= {
        }
        &'qctl;help;logs'= {
        }
        &'qctl;help;connect'= {
        }
        &'qctl;help;geth'= {
            cand exec 'Run JavaScript in a node''s geth console and print the result'
            cand attach 'Open geth''s interactive console on a node'
        }
        &'qctl;help;geth;exec'= {
        }
        &'qctl;help;geth;attach'= {
        }
        &'qctl;help;rpc'= {
        }
        &'qctl;help;validator'= {
            cand ls 'Show the set as a running node sees it: local, external and pending members'
            cand propose 'Vote a node into (or out of) the set on every local member, and watch the tally'
        }
        &'qctl;help;validator;ls'= {
        }
        &'qctl;help;validator;propose'= {
        }
        &'qctl;help;external'= {
            cand ls 'List the external nodes of the config'
            cand rm 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)'
        }
        &'qctl;help;external;ls'= {
        }
        &'qctl;help;external;rm'= {
        }
        &'qctl;help;test'= {
            cand contract 'Deploy a storage contract from a node, public and private, and check who can read it'
        }
        &'qctl;help;test;contract'= {
        }
        &'qctl;help;monitor'= {
            cand add 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)'
            cand rm 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)'
        }
        &'qctl;help;monitor;add'= {
        }
        &'qctl;help;monitor;rm'= {
        }
        &'qctl;help;completions'= {
        }
        &'qctl;help;help'= {
        }
    ]
    $completions[$command]
}
