
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'qctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'qctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'qctl' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a minimal qubernetes.yaml for a new network')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Add, change, list, remove, stop and start the nodes of the network')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Apply out/ to the cluster with server-side apply')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each node''s pod, readiness, restarts, NodePorts and endpoints')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Delete what deploy created (asks unless --yes)')
            [CompletionResult]::new('export-external', 'export-external', [CompletionResultType]::ParameterValue, 'Print a join bundle of this network''s nodes for another organisation')
            [CompletionResult]::new('add-external', 'add-external', [CompletionResultType]::ParameterValue, 'Import another organisation''s join bundle into the config')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print the logs of a node''s container')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Open a shell in a node''s container, or run a command there')
            [CompletionResult]::new('geth', 'geth', [CompletionResultType]::ParameterValue, 'geth''s JavaScript console on a node')
            [CompletionResult]::new('rpc', 'rpc', [CompletionResultType]::ParameterValue, 'Call a JSON-RPC method on a node''s geth and print the result as JSON')
            [CompletionResult]::new('validator', 'validator', [CompletionResultType]::ParameterValue, 'The validator (QBFT/IBFT) or signer (clique) set, and votes to change it')
            [CompletionResult]::new('external', 'external', [CompletionResultType]::ParameterValue, 'List and remove the external nodes (other organisations'' nodes this network peers with)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check a running network end to end')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Turn the Prometheus server that scrapes every node''s metrics on or off')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;init' {
            [CompletionResult]::new('--num', '--num', [CompletionResultType]::ParameterName, 'Number of nodes')
            [CompletionResult]::new('--consensus', '--consensus', [CompletionResultType]::ParameterName, 'Consensus engine [default: qbft]')
            [CompletionResult]::new('--quorum-version', '--quorum-version', [CompletionResultType]::ParameterName, 'GoQuorum version [default: 24.4.1]')
            [CompletionResult]::new('--tm', '--tm', [CompletionResultType]::ParameterName, 'Transaction manager [default: tessera]')
            [CompletionResult]::new('--tm-version', '--tm-version', [CompletionResultType]::ParameterName, 'Tessera version [default: 24.4.2]')
            [CompletionResult]::new('--chain-id', '--chain-id', [CompletionResultType]::ParameterName, 'Chain id [default: 1000]')
            [CompletionResult]::new('--name-prefix', '--name-prefix', [CompletionResultType]::ParameterName, 'Node names are <prefix>-node1, <prefix>-node2, … [default: quorum]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing config')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;node' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Append a node to the config')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change settings of a node in the config; only the flags given change')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the nodes; with generated keys, their enode, address and Tessera key')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a node from the config (its keys stay unless --purge-keys)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;node;add' {
            [CompletionResult]::new('--key-dir', '--key-dir', [CompletionResultType]::ParameterName, 'Key directory name [add: key-<NAME>]')
            [CompletionResult]::new('--consensus', '--consensus', [CompletionResultType]::ParameterName, 'Consensus [add: genesis.consensus]')
            [CompletionResult]::new('--quorum-version', '--quorum-version', [CompletionResultType]::ParameterName, 'GoQuorum version [add: genesis.Quorum_Version]')
            [CompletionResult]::new('--tm', '--tm', [CompletionResultType]::ParameterName, 'Transaction manager [add: that of the first node]')
            [CompletionResult]::new('--tm-version', '--tm-version', [CompletionResultType]::ParameterName, 'Tessera version [add: that of the first node]')
            [CompletionResult]::new('--quorum-image', '--quorum-image', [CompletionResultType]::ParameterName, 'Full GoQuorum image reference')
            [CompletionResult]::new('--tm-image', '--tm-image', [CompletionResultType]::ParameterName, 'Full Tessera image reference')
            [CompletionResult]::new('--geth-params', '--geth-params', [CompletionResultType]::ParameterName, 'Extra geth flags, appended verbatim (update: replaces the node''s)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;node;update' {
            [CompletionResult]::new('--key-dir', '--key-dir', [CompletionResultType]::ParameterName, 'Key directory name [add: key-<NAME>]')
            [CompletionResult]::new('--consensus', '--consensus', [CompletionResultType]::ParameterName, 'Consensus [add: genesis.consensus]')
            [CompletionResult]::new('--quorum-version', '--quorum-version', [CompletionResultType]::ParameterName, 'GoQuorum version [add: genesis.Quorum_Version]')
            [CompletionResult]::new('--tm', '--tm', [CompletionResultType]::ParameterName, 'Transaction manager [add: that of the first node]')
            [CompletionResult]::new('--tm-version', '--tm-version', [CompletionResultType]::ParameterName, 'Tessera version [add: that of the first node]')
            [CompletionResult]::new('--quorum-image', '--quorum-image', [CompletionResultType]::ParameterName, 'Full GoQuorum image reference')
            [CompletionResult]::new('--tm-image', '--tm-image', [CompletionResultType]::ParameterName, 'Full Tessera image reference')
            [CompletionResult]::new('--geth-params', '--geth-params', [CompletionResultType]::ParameterName, 'Extra geth flags, appended verbatim (update: replaces the node''s)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;node;ls' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; wide adds columns [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; wide adds columns [default: table on a terminal, else json]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;node;rm' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--purge-keys', '--purge-keys', [CompletionResultType]::ParameterName, 'Also delete the node''s key directory (asks unless --yes)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;node;stop' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;node;start' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --wait waits, e.g. 5m, 90s')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the node''s pod is ready')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;node;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Append a node to the config')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change settings of a node in the config; only the flags given change')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the nodes; with generated keys, their enode, address and Tessera key')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a node from the config (its keys stay unless --purge-keys)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;node;help;add' {
            break
        }
        'qctl;node;help;update' {
            break
        }
        'qctl;node;help;ls' {
            break
        }
        'qctl;node;help;rm' {
            break
        }
        'qctl;node;help;stop' {
            break
        }
        'qctl;node;help;start' {
            break
        }
        'qctl;node;help;help' {
            break
        }
        'qctl;generate' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--recreate', '--recreate', [CompletionResultType]::ParameterName, 'Wipe out/ (after confirmation) and generate everything anew, genesis and keys included')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;deploy' {
            [CompletionResult]::new('--wait-for', '--wait-for', [CompletionResultType]::ParameterName, 'What --wait waits for: the chain (pods Ready, peers connected, blocks advancing or a raft leader) or only the pods')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --wait waits, e.g. 10m, 90s')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete the qctl-labelled objects of nodes no longer in the config (asks unless --yes); --prune=false leaves them')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until every node is ready (see --wait-for)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Ask the API server what would change, change nothing')
            [CompletionResult]::new('--force-conflicts', '--force-conflicts', [CompletionResultType]::ParameterName, 'Take over fields that another field manager (kubectl, an operator) set on qctl''s objects')
            [CompletionResult]::new('--prune-data', '--prune-data', [CompletionResultType]::ParameterName, 'Also prune the volumes (PVCs, chain data) of removed nodes')
            [CompletionResult]::new('--replace-identity', '--replace-identity', [CompletionResultType]::ParameterName, 'Deploy even if the running genesis or a node''s identity (enode id, address) differs from out/''s')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;status' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; wide adds columns [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; wide adds columns [default: table on a terminal, else json]')
            [CompletionResult]::new('--node-ip', '--node-ip', [CompletionResultType]::ParameterName, 'Address of the cluster''s nodes for NodePort endpoints [default: ExternalIP of a Ready node, else its InternalIP]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'List each node''s endpoints instead of the table of pods (JSON and YAML always hold them)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;destroy' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--keep-data', '--keep-data', [CompletionResultType]::ParameterName, 'Keep the nodes'' volumes (PVCs) and so their chain data')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;export-external' {
            [CompletionResult]::new('--node-ip', '--node-ip', [CompletionResultType]::ParameterName, 'Reachable address of the cluster''s nodes [default: ExternalIP of a Ready node]')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Export only these nodes')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the bundle to a file instead of stdout')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Bundle format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Bundle format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--without-genesis', '--without-genesis', [CompletionResultType]::ParameterName, 'Leave the genesis out of the bundle')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;add-external' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Update entries of the same names whose content changed')
            [CompletionResult]::new('--allow-private-peers', '--allow-private-peers', [CompletionResultType]::ParameterName, 'Accept peer hosts that are loopback, link-local or cluster-internal names (a test network whose "other organisation" runs in the same cluster)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;logs' {
            [CompletionResult]::new('--container', '--container', [CompletionResultType]::ParameterName, 'The container (`-c` is `--config` in every qctl command)')
            [CompletionResult]::new('--tail', '--tail', [CompletionResultType]::ParameterName, 'Print only the last N lines')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only lines newer than this, e.g. 10m, 1h')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new lines until interrupted')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new lines until interrupted')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The logs of the container''s previous run (after a restart)')
            [CompletionResult]::new('--previous', '--previous', [CompletionResultType]::ParameterName, 'The logs of the container''s previous run (after a restart)')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Prefix each line with its time')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;connect' {
            [CompletionResult]::new('--container', '--container', [CompletionResultType]::ParameterName, 'The container (`-c` is `--config` in every qctl command)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;geth' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run JavaScript in a node''s geth console and print the result')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Open geth''s interactive console on a node')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;geth;exec' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the script may run')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;geth;attach' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;geth;help' {
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run JavaScript in a node''s geth console and print the result')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Open geth''s interactive console on a node')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;geth;help;exec' {
            break
        }
        'qctl;geth;help;attach' {
            break
        }
        'qctl;geth;help;help' {
            break
        }
        'qctl;rpc' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;validator' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Show the set as a running node sees it: local, external and pending members')
            [CompletionResult]::new('propose', 'propose', [CompletionResultType]::ParameterValue, 'Vote a node into (or out of) the set on every local member, and watch the tally')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;validator;ls' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; wide adds the votes [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; wide adds the votes [default: table on a terminal, else json]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;validator;propose' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to watch the set change; 0 casts the votes and returns')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of the final set [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of the final set [default: table on a terminal, else json]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Vote to remove instead of to add')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;validator;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Show the set as a running node sees it: local, external and pending members')
            [CompletionResult]::new('propose', 'propose', [CompletionResultType]::ParameterValue, 'Vote a node into (or out of) the set on every local member, and watch the tally')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;validator;help;ls' {
            break
        }
        'qctl;validator;help;propose' {
            break
        }
        'qctl;validator;help;help' {
            break
        }
        'qctl;external' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the external nodes of the config')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;external;ls' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; wide adds the address [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; wide adds the address [default: table on a terminal, else json]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;external;rm' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;external;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the external nodes of the config')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;external;help;ls' {
            break
        }
        'qctl;external;help;rm' {
            break
        }
        'qctl;external;help;help' {
            break
        }
        'qctl;test' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('contract', 'contract', [CompletionResultType]::ParameterValue, 'Deploy a storage contract from a node, public and private, and check who can read it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;test;contract' {
            [CompletionResult]::new('--private-for', '--private-for', [CompletionResultType]::ParameterName, 'A party to the private contract: a node or external node of this config, or a Tessera public key')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for blocks and for the values to show on every node')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of the results [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of the results [default: table on a terminal, else json]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Only the public contract')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Only the private contract')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;test;help' {
            [CompletionResult]::new('contract', 'contract', [CompletionResultType]::ParameterValue, 'Deploy a storage contract from a node, public and private, and check who can read it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;test;help;contract' {
            break
        }
        'qctl;test;help;help' {
            break
        }
        'qctl;monitor' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;monitor;add' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;monitor;rm' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;monitor;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;monitor;help;add' {
            break
        }
        'qctl;monitor;help;rm' {
            break
        }
        'qctl;monitor;help;help' {
            break
        }
        'qctl;completions' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Path of the network config')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory of generated files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace [default: k8s.namespace from the config, else the kube context''s, else `default`]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context to use [default: the current context]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long one request to the API server may go unanswered, e.g. 30s, 2m')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the config''s lock while another qctl holds it, e.g. 30s, 2m')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Unknown keys in the config are errors, not warnings (also `config.strict: true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (also when NO_COLOR is set and not empty)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and confirm')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'qctl;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a minimal qubernetes.yaml for a new network')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Add, change, list, remove, stop and start the nodes of the network')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Apply out/ to the cluster with server-side apply')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each node''s pod, readiness, restarts, NodePorts and endpoints')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Delete what deploy created (asks unless --yes)')
            [CompletionResult]::new('export-external', 'export-external', [CompletionResultType]::ParameterValue, 'Print a join bundle of this network''s nodes for another organisation')
            [CompletionResult]::new('add-external', 'add-external', [CompletionResultType]::ParameterValue, 'Import another organisation''s join bundle into the config')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print the logs of a node''s container')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Open a shell in a node''s container, or run a command there')
            [CompletionResult]::new('geth', 'geth', [CompletionResultType]::ParameterValue, 'geth''s JavaScript console on a node')
            [CompletionResult]::new('rpc', 'rpc', [CompletionResultType]::ParameterValue, 'Call a JSON-RPC method on a node''s geth and print the result as JSON')
            [CompletionResult]::new('validator', 'validator', [CompletionResultType]::ParameterValue, 'The validator (QBFT/IBFT) or signer (clique) set, and votes to change it')
            [CompletionResult]::new('external', 'external', [CompletionResultType]::ParameterValue, 'List and remove the external nodes (other organisations'' nodes this network peers with)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check a running network end to end')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Turn the Prometheus server that scrapes every node''s metrics on or off')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'qctl;help;init' {
            break
        }
        'qctl;help;node' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Append a node to the config')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change settings of a node in the config; only the flags given change')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the nodes; with generated keys, their enode, address and Tessera key')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a node from the config (its keys stay unless --purge-keys)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a node that `qctl node stop` stopped: scale its Deployment back to 1')
            break
        }
        'qctl;help;node;add' {
            break
        }
        'qctl;help;node;update' {
            break
        }
        'qctl;help;node;ls' {
            break
        }
        'qctl;help;node;rm' {
            break
        }
        'qctl;help;node;stop' {
            break
        }
        'qctl;help;node;start' {
            break
        }
        'qctl;help;generate' {
            break
        }
        'qctl;help;deploy' {
            break
        }
        'qctl;help;status' {
            break
        }
        'qctl;help;destroy' {
            break
        }
        'qctl;help;export-external' {
            break
        }
        'qctl;help;add-external' {
            break
        }
        'qctl;help;logs' {
            break
        }
        'qctl;help;connect' {
            break
        }
        'qctl;help;geth' {
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run JavaScript in a node''s geth console and print the result')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Open geth''s interactive console on a node')
            break
        }
        'qctl;help;geth;exec' {
            break
        }
        'qctl;help;geth;attach' {
            break
        }
        'qctl;help;rpc' {
            break
        }
        'qctl;help;validator' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Show the set as a running node sees it: local, external and pending members')
            [CompletionResult]::new('propose', 'propose', [CompletionResultType]::ParameterValue, 'Vote a node into (or out of) the set on every local member, and watch the tally')
            break
        }
        'qctl;help;validator;ls' {
            break
        }
        'qctl;help;validator;propose' {
            break
        }
        'qctl;help;external' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the external nodes of the config')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an external node from the config (then `qctl generate` and `qctl deploy`)')
            break
        }
        'qctl;help;external;ls' {
            break
        }
        'qctl;help;external;rm' {
            break
        }
        'qctl;help;test' {
            [CompletionResult]::new('contract', 'contract', [CompletionResultType]::ParameterValue, 'Deploy a storage contract from a node, public and private, and check who can read it')
            break
        }
        'qctl;help;test;contract' {
            break
        }
        'qctl;help;monitor' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)')
            break
        }
        'qctl;help;monitor;add' {
            break
        }
        'qctl;help;monitor;rm' {
            break
        }
        'qctl;help;completions' {
            break
        }
        'qctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
