
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
            cand node 'Add, list and remove the nodes of the network'
            cand generate 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
            cand deploy 'Apply out/ to the cluster with server-side apply'
            cand status 'Show each node''s pod, readiness, restarts and NodePorts'
            cand destroy 'Delete what deploy created (asks unless --yes)'
            cand export-external 'Print a join bundle of this network''s nodes for another organisation'
            cand add-external 'Import another organisation''s join bundle into the config'
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
            cand ls 'List the nodes; with generated keys, their enode, address and Tessera key'
            cand rm 'Remove a node from the config (its keys stay unless --purge-keys)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;node;add'= {
            cand --key-dir 'Key directory name [default: key-<NAME>]'
            cand --consensus 'Consensus [default: genesis.consensus]'
            cand --quorum-version 'GoQuorum version [default: genesis.Quorum_Version]'
            cand --tm 'Transaction manager [default: that of the first node]'
            cand --tm-version 'Tessera version [default: that of the first node]'
            cand --quorum-image 'Full GoQuorum image reference'
            cand --tm-image 'Full Tessera image reference'
            cand --geth-params 'Extra geth flags, appended verbatim'
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
        &'qctl;node;help'= {
            cand add 'Append a node to the config'
            cand ls 'List the nodes; with generated keys, their enode, address and Tessera key'
            cand rm 'Remove a node from the config (its keys stay unless --purge-keys)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;node;help;add'= {
        }
        &'qctl;node;help;ls'= {
        }
        &'qctl;node;help;rm'= {
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
            cand --wait 'Wait until every node''s pods are ready'
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'qctl;status'= {
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
            cand node 'Add, list and remove the nodes of the network'
            cand generate 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
            cand deploy 'Apply out/ to the cluster with server-side apply'
            cand status 'Show each node''s pod, readiness, restarts and NodePorts'
            cand destroy 'Delete what deploy created (asks unless --yes)'
            cand export-external 'Print a join bundle of this network''s nodes for another organisation'
            cand add-external 'Import another organisation''s join bundle into the config'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'qctl;help;init'= {
        }
        &'qctl;help;node'= {
            cand add 'Append a node to the config'
            cand ls 'List the nodes; with generated keys, their enode, address and Tessera key'
            cand rm 'Remove a node from the config (its keys stay unless --purge-keys)'
        }
        &'qctl;help;node;add'= {
        }
        &'qctl;help;node;ls'= {
        }
        &'qctl;help;node;rm'= {
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
        &'qctl;help;completions'= {
        }
        &'qctl;help;help'= {
        }
    ]
    $completions[$command]
}
