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
complete -c qctl -n "__fish_qctl_needs_command" -f -a "node" -d 'Add, list and remove the nodes of the network'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "generate" -d 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "deploy" -d 'Apply out/ to the cluster with server-side apply'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "status" -d 'Show each node\'s pod, readiness, restarts and NodePorts'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "destroy" -d 'Delete what deploy created (asks unless --yes)'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "export-external" -d 'Print a join bundle of this network\'s nodes for another organisation'
complete -c qctl -n "__fish_qctl_needs_command" -f -a "add-external" -d 'Import another organisation\'s join bundle into the config'
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
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -f -a "add" -d 'Append a node to the config'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -f -a "ls" -d 'List the nodes; with generated keys, their enode, address and Tessera key'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -f -a "rm" -d 'Remove a node from the config (its keys stay unless --purge-keys)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and not __fish_seen_subcommand_from add ls rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l key-dir -d 'Key directory name [default: key-<NAME>]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l consensus -d 'Consensus [default: genesis.consensus]' -r -f -a "qbft\t''
istanbul\t''
raft\t''
clique\t''"
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l quorum-version -d 'GoQuorum version [default: genesis.Quorum_Version]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l tm -d 'Transaction manager [default: that of the first node]' -r -f -a "tessera\t''
none\t''"
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l tm-version -d 'Tessera version [default: that of the first node]' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l quorum-image -d 'Full GoQuorum image reference' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l tm-image -d 'Full Tessera image reference' -r
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from add" -l geth-params -d 'Extra geth flags, appended verbatim' -r
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
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "add" -d 'Append a node to the config'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the nodes; with generated keys, their enode, address and Tessera key'
complete -c qctl -n "__fish_qctl_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a node from the config (its keys stay unless --purge-keys)'
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
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l wait -d 'Wait until every node\'s pods are ready'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l dry-run -d 'Ask the API server what would change, change nothing'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l force-conflicts -d 'Take over fields that another field manager (kubectl, an operator) set on qctl\'s objects'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l prune-data -d 'Also prune the volumes (PVCs, chain data) of removed nodes'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l replace-identity -d 'Deploy even if the running genesis or a node\'s identity (enode id, address) differs from out/\'s'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l strict -d 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s q -l quiet -d 'Print only data and errors'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -l no-color -d 'Never colour the output (also when NO_COLOR is set and not empty)'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s y -l yes -d 'Never prompt; take defaults and confirm'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s h -l help -d 'Print help'
complete -c qctl -n "__fish_qctl_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c qctl -n "__fish_qctl_using_subcommand status" -s o -l output -d 'Output format; wide adds columns [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'The table with more columns'
yaml\t''
json\t''"
complete -c qctl -n "__fish_qctl_using_subcommand status" -s c -l config -d 'Path of the network config' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand status" -l out -d 'Directory of generated files' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand status" -s n -l namespace -d 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context\'s, else `default`]' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -l kubeconfig -d 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]' -r -F
complete -c qctl -n "__fish_qctl_using_subcommand status" -l context -d 'Kubernetes context to use [default: the current context]' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -l request-timeout -d 'How long one request to the API server may go unanswered, e.g. 30s, 2m' -r
complete -c qctl -n "__fish_qctl_using_subcommand status" -l lock-timeout -d 'How long to wait for the config\'s lock while another qctl holds it, e.g. 30s, 2m' -r
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
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "init" -d 'Write a minimal qubernetes.yaml for a new network'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "node" -d 'Add, list and remove the nodes of the network'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "generate" -d 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "deploy" -d 'Apply out/ to the cluster with server-side apply'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "status" -d 'Show each node\'s pod, readiness, restarts and NodePorts'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "destroy" -d 'Delete what deploy created (asks unless --yes)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "export-external" -d 'Print a join bundle of this network\'s nodes for another organisation'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "add-external" -d 'Import another organisation\'s join bundle into the config'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c qctl -n "__fish_qctl_using_subcommand help; and not __fish_seen_subcommand_from init node generate deploy status destroy export-external add-external completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "add" -d 'Append a node to the config'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "ls" -d 'List the nodes; with generated keys, their enode, address and Tessera key'
complete -c qctl -n "__fish_qctl_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "rm" -d 'Remove a node from the config (its keys stay unless --purge-keys)'
