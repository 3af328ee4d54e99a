# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_qctl_global_optspecs
    string join \n c/config= out= n/namespace= kubeconfig= context= request-timeout= lock-timeout= strict q/quiet no-color y/yes h/help V/version
end

function __fish_qctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_qctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_qctl_using_subcommand
    set -l cmd (__fish_qctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c qctl -n "__fish_qctl_needs_command" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_needs_command" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_needs_command" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_needs_command" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_needs_command" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_needs_command" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_needs_command" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_needs_command" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_needs_command" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_needs_command" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_needs_command" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_needs_command" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "init" -d 'Write a minimal qubernetes.yaml for a new network'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "node" -d 'Add, change, list, remove, stop and start the nodes of the network'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "generate" -d 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "deploy" -d 'Apply out/ to the cluster with server-side apply'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "status" -d 'Show each node\'s pod, readiness, restarts, NodePorts and endpoints'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "destroy" -d 'Delete what deploy created (asks unless --yes)'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "export-external" -d 'Print a join bundle of this network\'s nodes for another organisation'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "add-external" -d 'Import another organisation\'s join bundle into the config'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "logs" -d 'Print the logs of a node\'s container'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "connect" -d 'Open a shell in a node\'s container, or run a command there'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "geth" -d 'geth\'s JavaScript console on a node'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "rpc" -d 'Call a JSON-RPC method on a node\'s geth and print the result as JSON'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "validator" -d 'The validator (QBFT/IBFT) or signer (clique) set, and votes to change it'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "external" -d 'List and remove the external nodes (other organisations\' nodes this network peers with)'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "test" -d 'Check a running network end to end'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "monitor" -d 'Turn the Prometheus server that scrapes every node\'s metrics on or off'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand init" -l num -d 'Number of nodes' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l consensus -d 'Consensus engine [default: qbft]' -r -f -a "qbft\t''
istanbul\t''
raft\t''
clique\t''"
complete -c qctl -n "__fish_qctl_using_subcommand init" -l quorum-version -d 'GoQuorum version [default: 24.4.1]' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l tm -d 'Transaction manager [default: tessera]' -r -f -a "tessera\t''
none\t''"
complete -c qctl -n "__fish_qctl_using_subcommand init" -l tm-version -d 'Tessera version [default: 24.4.2]' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l chain-id -d 'Chain id [default: 1000]' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l name-prefix -d 'Node names are <prefix>-node1, <prefix>-node2, … [default: quorum]' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand init" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand init" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand init" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand init" -l force -d 'Replace an existing config'
complete -c qctl -n "__fish_qctl_using_subcommand init" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand init" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand init" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand init" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand init" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand init" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -f -a "add" -d 'Append a node to the config'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -f -a "update" -d 'Change settings of a node in the config; only the flags given change'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -f -a "ls" -d 'List the nodes; with generated keys, their enode, address and Tessera key'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -f -a "rm" -d 'Remove a node from the config (its keys stay unless --purge-keys)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -f -a "stop" -d 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -f -a "start" -d 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add update ls rm stop start help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l key-dir -d 'Key directory name [add: key-<NAME>]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l consensus -d 'Consensus [add: genesis.consensus]' -r -f -a "qbft\t''
istanbul\t''
raft\t''
clique\t''"
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l quorum-version -d 'GoQuorum version [add: genesis.Quorum_Version]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l tm -d 'Transaction manager [add: that of the first node]' -r -f -a "tessera\t''
none\t''"
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l tm-version -d 'Tessera version [add: that of the first node]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l quorum-image -d 'Full GoQuorum image reference' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l tm-image -d 'Full Tessera image reference' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l geth-params -d 'Extra geth flags, appended verbatim (update: replaces the node\'s)' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l key-dir -d 'Key directory name [add: key-<NAME>]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l consensus -d 'Consensus [add: genesis.consensus]' -r -f -a "qbft\t''
istanbul\t''
raft\t''
clique\t''"
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l quorum-version -d 'GoQuorum version [add: genesis.Quorum_Version]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l tm -d 'Transaction manager [add: that of the first node]' -r -f -a "tessera\t''
none\t''"
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l tm-version -d 'Tessera version [add: that of the first node]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l quorum-image -d 'Full GoQuorum image reference' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l tm-image -d 'Full Tessera image reference' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l geth-params -d 'Extra geth flags, appended verbatim (update: replaces the node\'s)' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format; wide adds columns [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'The table with more columns'
yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l purge-keys -d 'Also delete the node\'s key directory (asks unless --yes)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l timeout -d 'How long --wait waits, e.g. 5m, 90s' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l wait -d 'Wait until the node\'s pod is ready'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "add" -d 'Append a node to the config'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change settings of a node in the config; only the flags given change'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the nodes; with generated keys, their enode, address and Tessera key'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a node from the config (its keys stay unless --purge-keys)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand generate" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand generate" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l recreate -d 'Wipe out/ (after confirmation) and generate everything anew, genesis and keys included'
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand generate" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand generate" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand generate" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand generate" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand generate" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l wait-for -d 'What --wait waits for: the chain (pods Ready, peers connected, blocks advancing or a raft leader) or only the pods' -r -f -a "chain\t'Pods Ready, then every geth with its peers and its blocks advancing (raft: a leader)'
pods\t'Pods Ready (every container\'s readiness probe, Tessera\'s `/upcheck` included)'"
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l timeout -d 'How long --wait waits, e.g. 10m, 90s' -r
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l prune -d 'Delete the qctl-labelled objects of nodes no longer in the config (asks unless --yes); --prune=false leaves them' -r -f -a "true\t''
false\t''"
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l wait -d 'Wait until every node is ready (see --wait-for)'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l dry-run -d 'Ask the API server what would change, change nothing'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l force-conflicts -d 'Take over fields that another field manager (kubectl, an operator) set on qctl\'s objects'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l prune-data -d 'Also prune the volumes (PVCs, chain data) of removed nodes'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l replace-identity -d 'Deploy even if the running genesis or a node\'s identity (enode id, address) differs from out/\'s'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand status" -s o -l output -d 'Output format; wide adds columns [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'The table with more columns'
yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand status" -l node-ip -d 'Address of the cluster\'s nodes for NodePort endpoints [default: ExternalIP of a Ready node, else its InternalIP]' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand status" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand status" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand status" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -l endpoints -d 'List each node\'s endpoints instead of the table of pods (JSON and YAML always hold them)'
complete -c qctl -n "__fish_qctl_using_subcommand status" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand status" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand status" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand status" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c qctl -n "__fish_qctl_using_subcommand status" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l keep-data -d 'Keep the nodes\' volumes (PVCs) and so their chain data'
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand destroy" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l node-ip -d 'Reachable address of the cluster\'s nodes [default: ExternalIP of a Ready node]' -r
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l nodes -d 'Export only these nodes' -r
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l output-file -d 'Write the bundle to a file instead of stdout' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -s o -l output -d 'Bundle format' -r -f -a "yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l without-genesis -d 'Leave the genesis out of the bundle'
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand export-external" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l replace -d 'Update entries of the same names whose content changed'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l allow-private-peers -d 'Accept peer hosts that are loopback, link-local or cluster-internal names (a test network whose "other organisation" runs in the same cluster)'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand add-external" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l container -d 'The container (`-c` is `--config` in every qctl command)' -r -f -a "quorum\t''
tessera\t''
init-datadir\t''"
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l tail -d 'Print only the last N lines' -r
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l since -d 'Only lines newer than this, e.g. 10m, 1h' -r
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s f -l follow -d 'Keep printing new lines until interrupted'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s p -l previous -d 'The logs of the container\'s previous run (after a restart)'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l timestamps -d 'Prefix each line with its time'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand logs" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l container -d 'The container (`-c` is `--config` in every qctl command)' -r -f -a "quorum\t''
tessera\t''"
complete -c qctl -n "__fish_qctl_using_subcommand connect" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand connect" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand connect" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand connect" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand connect" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand connect" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand connect" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -f -a "exec" -d 'Run JavaScript in a node\'s geth console and print the result'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -f -a "attach" -d 'Open geth\'s interactive console on a node'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and not __fish_seen_subcommand_from exec attach help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l timeout -d 'How long the script may run' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run JavaScript in a node\'s geth console and print the result'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Open geth\'s interactive console on a node'
complete -c qctl -n "__fish_qctl_using_subcommand geth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand rpc" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -f -a "ls" -d 'Show the set as a running node sees it: local, external and pending members'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -f -a "propose" -d 'Vote a node into (or out of) the set on every local member, and watch the tally'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and not __fish_seen_subcommand_from ls propose help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format; wide adds the votes [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'The table with more columns'
yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l timeout -d 'How long to watch the set change; 0 casts the votes and returns' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -s o -l output -d 'Output format of the final set [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'The table with more columns'
yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l remove -d 'Vote to remove instead of to add'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from propose" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Show the set as a running node sees it: local, external and pending members'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from help" -f -a "propose" -d 'Vote a node into (or out of) the set on every local member, and watch the tally'
complete -c qctl -n "__fish_qctl_using_subcommand validator; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -f -a "ls" -d 'List the external nodes of the config'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -f -a "rm" -d 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and not __fish_seen_subcommand_from ls rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format; wide adds the address [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'The table with more columns'
yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the external nodes of the config'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)'
complete -c qctl -n "__fish_qctl_using_subcommand external; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -f -a "contract" -d 'Deploy a storage contract from a node, public and private, and check who can read it'
complete -c qctl -n "__fish_qctl_using_subcommand test; and not __fish_seen_subcommand_from contract help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l private-for -d 'A party to the private contract: a node or external node of this config, or a Tessera public key' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l timeout -d 'How long to wait for blocks and for the values to show on every node' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -s o -l output -d 'Output format of the results [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'The table with more columns'
yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l public -d 'Only the public contract'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l private -d 'Only the private contract'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from contract" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from help" -f -a "contract" -d 'Deploy a storage contract from a node, public and private, and check who can read it'
complete -c qctl -n "__fish_qctl_using_subcommand test; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -f -a "add" -d 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -f -a "rm" -d 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and not __fish_seen_subcommand_from add rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "add" -d 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)'
complete -c qctl -n "__fish_qctl_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand completions" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand completions" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand completions" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand completions" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand completions" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand completions" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand completions" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand completions" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand completions" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand completions" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "init" -d 'Write a minimal qubernetes.yaml for a new network'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "node" -d 'Add, change, list, remove, stop and start the nodes of the network'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "generate" -d 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "deploy" -d 'Apply out/ to the cluster with server-side apply'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "status" -d 'Show each node\'s pod, readiness, restarts, NodePorts and endpoints'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "destroy" -d 'Delete what deploy created (asks unless --yes)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "export-external" -d 'Print a join bundle of this network\'s nodes for another organisation'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "add-external" -d 'Import another organisation\'s join bundle into the config'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "logs" -d 'Print the logs of a node\'s container'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "connect" -d 'Open a shell in a node\'s container, or run a command there'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "geth" -d 'geth\'s JavaScript console on a node'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "rpc" -d 'Call a JSON-RPC method on a node\'s geth and print the result as JSON'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "validator" -d 'The validator (QBFT/IBFT) or signer (clique) set, and votes to change it'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "external" -d 'List and remove the external nodes (other organisations\' nodes this network peers with)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "test" -d 'Check a running network end to end'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "monitor" -d 'Turn the Prometheus server that scrapes every node\'s metrics on or off'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external logs connect geth rpc validator external test monitor completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "add" -d 'Append a node to the config'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "update" -d 'Change settings of a node in the config; only the flags given change'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "ls" -d 'List the nodes; with generated keys, their enode, address and Tessera key'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "rm" -d 'Remove a node from the config (its keys stay unless --purge-keys)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "stop" -d 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "start" -d 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from geth" -f -a "exec" -d 'Run JavaScript in a node\'s geth console and print the result'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from geth" -f -a "attach" -d 'Open geth\'s interactive console on a node'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from validator" -f -a "ls" -d 'Show the set as a running node sees it: local, external and pending members'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from validator" -f -a "propose" -d 'Vote a node into (or out of) the set on every local member, and watch the tally'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from external" -f -a "ls" -d 'List the external nodes of the config'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from external" -f -a "rm" -d 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from test" -f -a "contract" -d 'Deploy a storage contract from a node, public and private, and check who can read it'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "add" -d 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "rm" -d 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)'
