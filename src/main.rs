fn main() -> std::process::ExitCode {
    qctl::cli::main()
}
