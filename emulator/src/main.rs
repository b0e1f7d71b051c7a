//! The `eg-emulator` command line.

use clap::Parser;
use eg_emulator::clock::parse_duration;
use eg_emulator::forward::Upstreams;
use eg_emulator::{start, start_forward, Limits, Options, Settings};
use std::fmt::Write as _;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// A local emulator of the Huawei Cloud EventGrid connections API.
///
/// Serves POST/GET/PUT/DELETE /v1/{project_id}/connections[/{id}] with the
/// eg-connections rules, and POST /v3/auth/tokens (IAM password tokens scoped
/// to a project, returned in X-Subject-Token). On first start it creates a
/// development user in DATA/iam.json and prints its credentials and a ready
/// token. Every flag can also be set with the EG_EMULATOR_* variable shown.
#[derive(Debug, Parser)]
#[command(name = "eg-emulator", version)]
struct Cli {
    /// Address to listen on; port 0 picks a free port.
    #[arg(
        long,
        env = "EG_EMULATOR_LISTEN",
        value_name = "ADDR:PORT",
        default_value = "127.0.0.1:9090"
    )]
    listen: SocketAddr,

    /// Directory for connections and the IAM config (created if missing).
    #[arg(long, env = "EG_EMULATOR_DATA", value_name = "DIR", default_value = ".eg-emulator")]
    data: PathBuf,

    /// Keep everything in memory: nothing is written to disk, no data
    /// directory or lock is used, and a development user is made for the
    /// run (for test suites and CI).
    #[arg(long, env = "EG_EMULATOR_IN_MEMORY", conflicts_with = "data")]
    in_memory: bool,

    /// Load this state file (as GET /emulator/state writes it) before
    /// serving, replacing every connection; a file that does not validate
    /// stops the start, saying which entry and why.
    #[arg(long, env = "EG_EMULATOR_IMPORT", value_name = "FILE")]
    import: Option<PathBuf>,

    /// The VPCs, subnets and Kafka/RocketMQ instances every project lists
    /// (a JSON file: {"vpcs": [...], "subnets": [...], "instances": [...]},
    /// each entry as VPC's and DMS's list APIs show it); default: a sample.
    #[arg(long, env = "EG_EMULATOR_RESOURCES", value_name = "FILE")]
    resources: Option<PathBuf>,

    /// Connections a project may hold; a create past it is refused 403
    /// EG.00514003, as EG refuses it.
    #[arg(long, env = "EG_EMULATOR_CONNECTION_QUOTA", value_name = "N", default_value_t = eg_emulator::settings::CONNECTION_QUOTA_DEFAULT)]
    connection_quota: usize,

    /// Write the state file here on shutdown (Ctrl-C or SIGTERM).
    #[arg(long, env = "EG_EMULATOR_EXPORT_ON_EXIT", value_name = "FILE")]
    export_on_exit: Option<PathBuf>,

    /// How the start is announced on stdout: `text` (for people) or `json`
    /// (one line: URL, credentials, storage, for scripts).
    #[arg(long, env = "EG_EMULATOR_BANNER", value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
    banner: String,

    /// A built console (Trunk's dist/) to serve at /, with SPA fallback.
    #[arg(long, env = "EG_EMULATOR_DIST", value_name = "DIR")]
    dist: Option<PathBuf>,

    /// Allow this browser origin (CORS); repeatable; `*` allows any origin.
    /// Off by default: serve the console with --dist and no CORS is needed.
    #[arg(
        long = "cors-origin",
        env = "EG_EMULATOR_CORS_ORIGIN",
        value_name = "ORIGIN",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,

    /// Also answer requests naming this host (repeatable; `.example.com`
    /// allows it and its subdomains). Loopback names and addresses and the
    /// listen address are always answered; any other `Host` gets 403, so a
    /// web page whose name was rebound to this address (DNS rebinding)
    /// cannot reach the emulator.
    #[arg(
        long = "allowed-host",
        env = "EG_EMULATOR_ALLOWED_HOST",
        value_name = "HOST",
        value_delimiter = ','
    )]
    allowed_hosts: Vec<String>,

    /// How long a new connection stays CREATING (e.g. 500ms, 3s).
    #[arg(long, env = "EG_EMULATOR_CREATE_DELAY", value_name = "DURATION", default_value = "3s", value_parser = parse_duration)]
    create_delay: Duration,

    /// How long an IAM token stays valid (e.g. 30m, 24h).
    #[arg(long, env = "EG_EMULATOR_TOKEN_TTL", value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    token_ttl: Duration,

    /// Accept this fixed token (never expires) for --dev-project, for scripted clients.
    #[arg(long, env = "EG_EMULATOR_DEV_TOKEN", value_name = "TOKEN", requires = "dev_project")]
    dev_token: Option<String>,

    /// The project ID the --dev-token and the --dev-access-key are scoped to.
    #[arg(long, env = "EG_EMULATOR_DEV_PROJECT", value_name = "PROJECT_ID")]
    dev_project: Option<String>,

    /// Accept this access key (AK) for --dev-project, signed with --dev-secret-key.
    #[arg(
        long,
        env = "EG_EMULATOR_DEV_ACCESS_KEY",
        value_name = "AK",
        requires_all = ["dev_secret_key", "dev_project"]
    )]
    dev_access_key: Option<String>,

    /// The secret key (SK) of --dev-access-key.
    #[arg(
        long,
        env = "EG_EMULATOR_DEV_SECRET_KEY",
        value_name = "SK",
        requires = "dev_access_key"
    )]
    dev_secret_key: Option<String>,

    /// IAM users file (default: DATA/iam.json).
    #[arg(long, env = "EG_EMULATOR_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,

    /// Connections whose name contains TEXT end in CREATE_FAILED with an error_info.
    #[arg(long, env = "EG_EMULATOR_FAIL_WHEN_NAME_CONTAINS", value_name = "TEXT")]
    fail_when_name_contains: Option<String>,

    /// Enable the fault-injection endpoint /emulator/faults (for tests).
    #[arg(long, env = "EG_EMULATOR_ENABLE_FAULTS")]
    enable_faults: bool,

    /// No access log.
    #[arg(long, env = "EG_EMULATOR_QUIET")]
    quiet: bool,

    /// Give the first user of the users file a new random password, and
    /// print it (passwords are stored hashed: this is how to learn one again).
    #[arg(long, env = "EG_EMULATOR_RESET_DEV_PASSWORD")]
    reset_dev_password: bool,

    /// How long a client may take to send a request's headers; also how
    /// long a kept-alive connection may stay idle.
    #[arg(long, env = "EG_EMULATOR_HEADER_TIMEOUT", value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    header_timeout: Duration,

    /// How long a request's body may pause between its parts before the
    /// request is given up (408); a body that never finishes frees its
    /// connection.
    #[arg(long, env = "EG_EMULATOR_BODY_TIMEOUT", value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    body_timeout: Duration,

    /// Connections served at once; more wait to be accepted.
    #[arg(long, env = "EG_EMULATOR_MAX_CONNECTIONS", value_name = "N", default_value_t = 1024)]
    max_connections: usize,

    /// Forward instead of emulating: serve the console with EG's, VPC's,
    /// DMS's and IAM's paths sent to those services in this Huawei Cloud
    /// region (e.g. cn-north-4). Nothing is stored; the data and dev-*
    /// flags are unused.
    #[arg(long, env = "EG_EMULATOR_REGION", value_name = "REGION", value_parser = parse_region)]
    region: Option<String>,

    /// Forward /v1/ to this EG endpoint instead of the --region one.
    #[arg(long, env = "EG_EMULATOR_UPSTREAM_EG", value_name = "URL", value_parser = parse_upstream, requires = "upstream_iam")]
    upstream_eg: Option<String>,

    /// Forward /v3/ and /v3.0/ to this IAM endpoint instead of the --region one.
    #[arg(long, env = "EG_EMULATOR_UPSTREAM_IAM", value_name = "URL", value_parser = parse_upstream, requires = "upstream_eg")]
    upstream_iam: Option<String>,

    /// Forward VPC's vpcs and subnets lists here (default: --upstream-eg).
    #[arg(long, env = "EG_EMULATOR_UPSTREAM_VPC", value_name = "URL", value_parser = parse_upstream, requires = "upstream_eg")]
    upstream_vpc: Option<String>,

    /// Forward DMS's instance list (Kafka, RocketMQ) here (default: --upstream-eg).
    #[arg(long, env = "EG_EMULATOR_UPSTREAM_DMS", value_name = "URL", value_parser = parse_upstream, requires = "upstream_eg")]
    upstream_dms: Option<String>,
}

/// A region ID as Huawei Cloud writes them: `cn-north-4`, `eu-west-101`.
fn parse_region(text: &str) -> Result<String, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let shaped = parts.len() >= 3
        && parts.iter().all(|part| !part.is_empty())
        && parts[..parts.len() - 1]
            .iter()
            .all(|part| part.bytes().all(|byte| byte.is_ascii_lowercase()))
        && parts[parts.len() - 1].bytes().all(|byte| byte.is_ascii_digit());
    if shaped {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "{text:?} is not a region ID such as cn-north-4 or ap-southeast-1"
        ))
    }
}

/// An `http://` or `https://` base URL without a path, query or fragment.
fn parse_upstream(text: &str) -> Result<String, String> {
    let trimmed = text.trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| format!("{text:?} must start with https:// (or http://)"))?;
    if rest.is_empty() || rest.contains(['/', '?', '#', '@', ' ']) {
        return Err(format!(
            "{text:?} must be a scheme and a host (and port), such as https://eg.cn-north-4.myhuaweicloud.com"
        ));
    }
    Ok(trimmed.to_owned())
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(dist) = &cli.dist {
        if !dist.join("index.html").is_file() {
            eprintln!(
                "eg-emulator: --dist {} has no index.html (build the console first)",
                dist.display()
            );
            return ExitCode::FAILURE;
        }
    }
    let upstreams = match (&cli.region, cli.upstream_eg.clone(), cli.upstream_iam.clone()) {
        (_, Some(eg), Some(iam)) => {
            let mut upstreams = Upstreams::eg_and_iam(eg, iam);
            if let Some(vpc) = cli.upstream_vpc.clone() {
                upstreams.vpc = vpc;
            }
            if let Some(dms) = cli.upstream_dms.clone() {
                upstreams.dms = dms;
            }
            Some(upstreams)
        }
        (Some(region), _, _) => Some(Upstreams::for_region(region)),
        _ => None,
    };
    let settings = Settings {
        dist: cli.dist.clone(),
        cors_origins: cli.cors_origins.clone(),
        allowed_hosts: cli.allowed_hosts.clone(),
        create_delay: cli.create_delay,
        fail_when_name_contains: cli.fail_when_name_contains.clone(),
        enable_faults: cli.enable_faults,
        quiet: cli.quiet,
        connection_quota: cli.connection_quota,
    };
    let limits = Limits {
        header_timeout: cli.header_timeout,
        body_timeout: cli.body_timeout,
        max_connections: cli.max_connections,
        ..Limits::default()
    };
    if let Some(upstreams) = upstreams {
        return forward(&cli, settings, upstreams, limits).await;
    }
    let options = Options {
        settings,
        data_dir: cli.data.clone(),
        iam_config: cli.config.clone(),
        token_ttl: cli.token_ttl,
        dev_token: cli.dev_token.clone().zip(cli.dev_project.clone()),
        dev_access_key: cli
            .dev_access_key
            .clone()
            .zip(cli.dev_secret_key.clone())
            .zip(cli.dev_project.clone())
            .map(|((access, secret), project)| (access, secret, project)),
        reset_dev_password: cli.reset_dev_password,
        limits,
        in_memory: cli.in_memory,
        import: cli.import.clone(),
        export_on_exit: cli.export_on_exit.clone(),
        resources: cli.resources.clone(),
    };
    let Some(listener) = listen(cli.listen).await else {
        return ExitCode::FAILURE;
    };
    let running = match start(options, listener).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("eg-emulator: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let banner = banner(&cli, &running.started);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(banner.as_bytes());
    let _ = out.flush();
    drop(out);

    shutdown_signal().await;
    match running.stop().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("eg-emulator: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What the start says on stdout: text for people (scripts wait for its
/// exact first line, `eg-emulator listening on URL`), or one JSON line.
fn banner(cli: &Cli, started: &eg_emulator::Started) -> String {
    let url = format!("http://{}", started.addr);
    let project = &started.user.projects[0];
    let key = started.user.access_keys.first();
    let storage = if cli.in_memory { "memory" } else { "disk" };
    if cli.banner == "json" {
        let dev = match (&cli.dev_access_key, &cli.dev_secret_key) {
            (Some(access), Some(secret)) => serde_json::json!({"access_key": access, "secret_key": secret}),
            _ => serde_json::Value::Null,
        };
        let banner = serde_json::json!({
            "url": url,
            "mode": "emulator",
            "console": cli.dist.as_ref().map(|_| format!("{url}/")),
            "storage": storage,
            "data": (!cli.in_memory).then(|| cli.data.display().to_string()),
            "user": {
                "name": started.user.name,
                "password": started.password,
                "domain": started.user.domain,
            },
            "project": {"id": project.id, "name": project.name},
            "token": started.token,
            "access_key": key.map(|key| serde_json::json!({"access_key": key.access, "secret_key": key.secret})),
            "dev_token": cli.dev_token,
            "dev_access_key": dev,
            "dev_project": cli.dev_project,
        });
        return format!("{banner}\n");
    }
    let mut out = String::new();
    // Scripts wait for this exact first line.
    let _ = writeln!(out, "eg-emulator listening on {url}");
    if let Some(dist) = &cli.dist {
        let _ = writeln!(out, "  console:  {url}/  (serving {})", dist.display());
    }
    if cli.in_memory {
        let _ = writeln!(out, "  data:     in memory (nothing is written to disk)");
    } else {
        let _ = writeln!(out, "  data:     {}", cli.data.display());
    }
    let password = started
        .password
        .as_deref()
        .unwrap_or("(stored hashed; --reset-dev-password prints a new one)");
    let _ = writeln!(
        out,
        "  user:     {}  password: {}  domain: {}{}",
        started.user.name,
        password,
        started.user.domain,
        if started.created_config {
            "  (new development user)"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "  project:  {}  ({})", project.id, project.name);
    let _ = writeln!(out, "  token:    {}", started.token);
    if let Some(key) = key {
        let _ = writeln!(out, "  access key: {}  secret key: {}", key.access, key.secret);
    }
    if let (Some(access), Some(secret)) = (&cli.dev_access_key, &cli.dev_secret_key) {
        let _ = writeln!(
            out,
            "  dev access key: {access}  secret key: {secret}  (project {})",
            cli.dev_project.as_deref().unwrap_or_default()
        );
    }
    if let Some(part) = &cli.fail_when_name_contains {
        let _ = writeln!(out, "  names containing \"{part}\" end in CREATE_FAILED");
    }
    out
}

async fn listen(addr: SocketAddr) -> Option<tokio::net::TcpListener> {
    match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => Some(listener),
        Err(error) => {
            eprintln!("eg-emulator: cannot listen on {addr}: {error}");
            None
        }
    }
}

/// Forwarding mode: the console on one origin, the real API behind it.
async fn forward(cli: &Cli, settings: Settings, upstreams: Upstreams, limits: Limits) -> ExitCode {
    let Some(listener) = listen(cli.listen).await else {
        return ExitCode::FAILURE;
    };
    let running = match start_forward(settings, upstreams, limits, listener).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("eg-emulator: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    // Scripts wait for this exact first line, in both modes.
    let _ = writeln!(out, "eg-emulator listening on http://{}", running.addr);
    let _ = writeln!(out, "  forwarding (nothing is emulated or stored here):");
    let _ = writeln!(out, "  EG:       {}  (connections, quotas)", running.upstreams.eg);
    let _ = writeln!(out, "  VPC:      {}  (vpcs, subnets)", running.upstreams.vpc);
    let _ = writeln!(
        out,
        "  DMS:      {}  (Kafka and RocketMQ instances)",
        running.upstreams.dms
    );
    let _ = writeln!(out, "  IAM:      {}  (/v3/, /v3.0/)", running.upstreams.iam);
    if let Some(dist) = &cli.dist {
        let _ = writeln!(
            out,
            "  console:  http://{}/  (serving {}; sign in with your account or AK/SK)",
            running.addr,
            dist.display()
        );
    }
    let _ = out.flush();
    drop(out);
    shutdown_signal().await;
    match running.stop().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("eg-emulator: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let terminate = async {
        #[cfg(unix)]
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
            return;
        }
        std::future::pending::<()>().await;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}
