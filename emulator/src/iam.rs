//! A minimal IAM stand-in: users from a file, password tokens scoped to one
//! project, access keys and temporary credentials, sign-in and lockout.
//! Its HTTP endpoints are [`crate::iam_routes`].
//!
//! Passwords are stored as Argon2id hashes (PHC strings) in a file only its
//! owner can read (0600); a file with plain-text passwords, as older
//! emulators wrote, is rewritten with hashes on start. A user whose password
//! is wrong 5 times in a row is locked for 15 minutes and answered as IAM
//! answers a locked account (401, "The account is locked.", Huawei Cloud
//! IAM FAQ "Why Is My Account Locked?", iam_01_0130). Tokens are found by a
//! hash lookup and pruned in issue order (every token lives as long).

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::PasswordHasher;
use argon2::Argon2;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::fs;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use crate::clock::now_ms;
use crate::sync::lock;

/// Wrong passwords in a row before a user is locked.
pub const LOCKOUT_AFTER: u32 = 5;
/// How long a locked user stays locked.
pub const LOCKOUT_FOR: Duration = Duration::from_secs(15 * 60);

/// A project a user may scope a token to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    /// IAM project names are region names, e.g. `cn-north-4`.
    pub name: String,
}

/// An access key (AK) and its secret key (SK). The secret is kept as is:
/// verifying an HMAC signature needs it (the file is the owner's only).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessKey {
    pub access: String,
    pub secret: String,
}

/// A user of the IAM file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub domain: String,
    /// Argon2id, as a PHC string (`$argon2id$v=19$...`).
    pub password_hash: String,
    pub projects: Vec<Project>,
    /// Permanent access keys; a signed request acts as this user.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_keys: Vec<AccessKey>,
}

/// A user as the file may hold it: with a hash, or (older files) a plain
/// password to hash.
#[derive(Debug, Deserialize)]
struct StoredUser {
    name: String,
    domain: String,
    #[serde(default)]
    password_hash: Option<String>,
    #[serde(default)]
    password: Option<String>,
    projects: Vec<Project>,
    #[serde(default)]
    access_keys: Vec<AccessKey>,
}

/// The IAM file: `{"users": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub struct IamConfig {
    pub users: Vec<User>,
}

/// What loading the IAM file did.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: IamConfig,
    /// The first user's password, when it was just set (a new file, or
    /// `--reset-dev-password`): the only time it is known in clear.
    pub new_password: Option<String>,
    pub created: bool,
}

/// An Argon2id PHC string of `password`.
pub fn hash_password(password: &str) -> io::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| io::Error::other(format!("cannot hash a password: {error}")))
}

thread_local! {
    /// Argon2's working memory, kept by the thread that checks passwords
    /// and reused check after check. Allocated and freed per check (as
    /// `verify_password` of the argon2 crate does), each 19 MiB block
    /// stayed with the process: 20 MiB more after every sign-in, measured.
    static BLOCKS: std::cell::RefCell<Vec<argon2::Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether `password` matches `hash`, an Argon2 PHC string (in constant
/// time; a malformed hash never matches). The argon2 crate's own steps
/// (`PasswordVerifier` for a PHC hash), with this thread's memory.
pub fn verify_password(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        argon2::Algorithm::try_from(parsed.algorithm.as_str()),
        argon2::Params::try_from(&parsed),
    ) else {
        return false;
    };
    let version = match parsed.version.map(argon2::Version::try_from).transpose() {
        Ok(version) => version.unwrap_or_default(),
        Err(_) => return false,
    };
    let mut computed = [0u8; argon2::password_hash::phc::Output::MAX_LENGTH];
    let Some(out) = computed.get_mut(..expected.len()) else {
        return false;
    };
    let hashed = BLOCKS.with(|blocks| {
        let mut blocks = blocks.borrow_mut();
        blocks.resize(params.block_count(), argon2::Block::default());
        Argon2::new(algorithm, version, params).hash_password_into_with_memory(
            password.as_bytes(),
            salt.as_ref(),
            out,
            blocks.as_mut_slice(),
        )
    });
    // `Output`'s comparison is in constant time.
    hashed.is_ok() && argon2::password_hash::phc::Output::new(out).is_ok_and(|computed| computed == *expected)
}

impl IamConfig {
    /// Reads `path` (hashing any plain-text password, and making the file
    /// readable by its owner only), or creates it with one development
    /// user. `reset` gives the first user a new random password.
    pub fn load_or_create(path: &Path, reset: bool) -> io::Result<Loaded> {
        if !path.exists() {
            let loaded = IamConfig::development()?;
            loaded.config.save(path)?;
            return Ok(loaded);
        }
        let (loaded, rewrite) = IamConfig::parse(path, reset)?;
        if rewrite {
            loaded.config.save(path)?;
        } else {
            restrict(path)?;
        }
        Ok(loaded)
    }

    /// Reads `path` without writing it back (`--in-memory`): plain-text
    /// passwords are hashed in memory only.
    pub fn read(path: &Path, reset: bool) -> io::Result<Loaded> {
        IamConfig::parse(path, reset).map(|(loaded, _)| loaded)
    }

    /// The users of `path`, and whether the file should be rewritten (a
    /// password was hashed or reset).
    fn parse(path: &Path, reset: bool) -> io::Result<(Loaded, bool)> {
        #[derive(Deserialize)]
        struct File {
            users: Vec<StoredUser>,
        }
        let invalid =
            |detail: String| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {detail}", path.display()));
        let file: File = serde_json::from_slice(&fs::read(path)?).map_err(|error| invalid(error.to_string()))?;
        if file.users.is_empty() || file.users.iter().any(|user| user.projects.is_empty()) {
            return Err(invalid("every user needs at least one project".to_owned()));
        }
        let mut rewrite = false;
        let mut users = Vec::with_capacity(file.users.len());
        for user in file.users {
            let password_hash = match (user.password_hash, user.password) {
                (Some(hash), None) => hash,
                (_, Some(plain)) => {
                    rewrite = true;
                    hash_password(&plain)?
                }
                (None, None) => return Err(invalid(format!("user {} has no password_hash", user.name))),
            };
            users.push(User {
                name: user.name,
                domain: user.domain,
                password_hash,
                projects: user.projects,
                access_keys: user.access_keys,
            });
        }
        let mut config = IamConfig { users };
        let mut new_password = None;
        if reset {
            let password = random_hex(12);
            config.users[0].password_hash = hash_password(&password)?;
            new_password = Some(password);
            rewrite = true;
        }
        let loaded = Loaded {
            config,
            new_password,
            created: false,
        };
        Ok((loaded, rewrite))
    }

    /// A new development user (a fresh password, project and access key),
    /// kept in memory only: `--in-memory` writes no file.
    pub fn development() -> io::Result<Loaded> {
        let password = random_hex(12);
        let config = IamConfig {
            users: vec![User {
                name: "dev".to_owned(),
                domain: "dev-domain".to_owned(),
                password_hash: hash_password(&password)?,
                projects: vec![Project {
                    id: random_hex(16),
                    name: "cn-north-4".to_owned(),
                }],
                access_keys: vec![new_access_key()],
            }],
        };
        Ok(Loaded {
            config,
            new_password: Some(password),
            created: true,
        })
    }

    /// Writes the file (owner-only) through a temporary file and a rename.
    fn save(&self, path: &Path) -> io::Result<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let temporary = path.with_extension("json.tmp");
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temporary)?;
        io::Write::write_all(&mut file, &serde_json::to_vec_pretty(self)?)?;
        file.sync_all()?;
        restrict(&temporary)?;
        fs::rename(&temporary, path)
    }
}

/// Owner read and write only.
fn restrict(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// A fresh access key: 20 uppercase characters, and a 40-character secret,
/// shaped as IAM's.
pub fn new_access_key() -> AccessKey {
    AccessKey {
        access: random_hex(10).to_ascii_uppercase(),
        secret: random_hex(20),
    }
}

/// `2 * bytes` lowercase hex characters from the OS's random source.
pub fn random_hex(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes * 2);
    while text.len() < bytes * 2 {
        text.push_str(&uuid::Uuid::new_v4().simple().to_string());
    }
    text.truncate(bytes * 2);
    text
}

/// What a token grants.
#[derive(Debug, Clone)]
pub struct Grant {
    pub user: String,
    pub project: Project,
    /// `None` for the fixed `--dev-token`.
    pub expires_ms: Option<u64>,
}

/// Why a token is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    Missing,
    Unknown,
    Expired,
}

/// What a verified access key grants.
#[derive(Debug, Clone)]
pub struct KeyGrant {
    pub user: String,
    pub projects: Vec<Project>,
    /// Temporary keys only: the `X-Security-Token` that must come with them.
    pub security_token: Option<String>,
    pub expires_ms: Option<u64>,
}

/// Why an access key cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyError {
    /// No such access key.
    Unknown,
    /// A temporary key past its expiry.
    Expired,
    /// Too many failed signatures in a row: locked until then.
    Locked { until_ms: u64 },
}

/// Failed signatures in a row before an access key is locked, and for how
/// long (the gateway's rule, "AK access failed to reach the limit").
pub const KEY_LOCKOUT_AFTER: u32 = 5;
pub const KEY_LOCKOUT_FOR: Duration = Duration::from_secs(5 * 60);

/// Why a sign-in is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum SignInError {
    /// The user, domain, password or project is wrong (IAM does not say which).
    Wrong,
    /// Too many wrong passwords in a row: locked until then.
    Locked { until_ms: u64 },
}

/// How a token request names its project.
#[derive(Debug, Clone)]
pub enum ProjectScope {
    Id(String),
    Name(String),
}

#[derive(Default)]
struct Tokens {
    by_token: HashMap<String, Grant>,
    /// Tokens in issue order, hence expiry order.
    issued: VecDeque<(u64, String)>,
}

#[derive(Default, Clone, Copy)]
struct Failures {
    in_a_row: u32,
    locked_until_ms: u64,
}

/// The users, the issued tokens and the failed sign-ins (in memory: a
/// restart signs everyone out, as token revocation would).
pub struct Iam {
    config: IamConfig,
    ttl: Duration,
    tokens: Mutex<Tokens>,
    /// Access key -> (secret key, grant): the users', `--dev-access-key`'s
    /// and the temporary ones.
    keys: Mutex<HashMap<String, (String, KeyGrant)>>,
    key_failures: Mutex<HashMap<String, Failures>>,
    failures: Mutex<HashMap<(String, String), Failures>>,
    /// Verified when the user does not exist, so that a wrong name takes
    /// as long as a wrong password.
    decoy_hash: String,
    /// Where password checks run: Argon2 is memory-hard (19 MiB a check).
    checks: PasswordChecks,
}

/// A job for a password-check thread.
type CheckJob = Box<dyn FnOnce() + Send>;

/// A fixed pool of threads for password checks, one per core, with a
/// bounded queue. Argon2 takes 19 MiB a check, and the allocator keeps
/// what a thread freed for that thread: checks on a new blocking thread
/// each (32 sign-ins at once) took the process to 1 GB and kept 722 MB.
/// Here at most one check per core runs, the memory they use is reused,
/// and past the queue a sign-in is told to try again.
pub struct PasswordChecks {
    jobs: Mutex<std::sync::mpsc::SyncSender<CheckJob>>,
}

impl PasswordChecks {
    /// Sign-ins that may wait for a thread, per thread.
    const QUEUED_PER_THREAD: usize = 16;

    fn new() -> io::Result<PasswordChecks> {
        let threads = std::thread::available_parallelism().map_or(1, |cores| cores.get());
        let (sender, receiver) = std::sync::mpsc::sync_channel::<CheckJob>(threads * Self::QUEUED_PER_THREAD);
        let receiver = std::sync::Arc::new(Mutex::new(receiver));
        for index in 0..threads {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name(format!("eg-password-check-{index}"))
                .spawn(move || loop {
                    let job = lock(&receiver).recv();
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                })?;
        }
        Ok(PasswordChecks {
            jobs: Mutex::new(sender),
        })
    }

    /// Runs `check` on a password-check thread; `None` when the queue is
    /// full (the caller answers "try again").
    pub async fn run<T: Send + 'static>(&self, check: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: CheckJob = Box::new(move || {
            let _ = reply.send(check());
        });
        lock(&self.jobs).try_send(job).ok()?;
        answer.await.ok()
    }
}

impl Iam {
    /// An IAM with `config`'s users issuing tokens valid for `ttl`.
    pub fn new(config: IamConfig, ttl: Duration) -> io::Result<Self> {
        let mut keys = HashMap::new();
        for user in &config.users {
            for key in &user.access_keys {
                let grant = KeyGrant {
                    user: user.name.clone(),
                    projects: user.projects.clone(),
                    security_token: None,
                    expires_ms: None,
                };
                keys.insert(key.access.clone(), (key.secret.clone(), grant));
            }
        }
        Ok(Iam {
            config,
            ttl,
            tokens: Mutex::default(),
            keys: Mutex::new(keys),
            key_failures: Mutex::default(),
            failures: Mutex::default(),
            decoy_hash: hash_password(&random_hex(12))?,
            checks: PasswordChecks::new()?,
        })
    }

    /// Where [`Iam::sign_in`] runs (it checks a password).
    pub fn password_checks(&self) -> &PasswordChecks {
        &self.checks
    }

    /// The configured users.
    pub fn users(&self) -> &[User] {
        &self.config.users
    }

    /// Accepts `token` for `project` forever (`--dev-token`).
    pub fn add_fixed_token(&self, token: String, project_id: String) {
        let grant = Grant {
            user: "dev-token".to_owned(),
            project: Project {
                id: project_id,
                name: String::new(),
            },
            expires_ms: None,
        };
        lock(&self.tokens).by_token.insert(token, grant);
    }

    /// Accepts the access key `access` with `secret` for `project` (`--dev-access-key`).
    pub fn add_fixed_key(&self, access: String, secret: String, project_id: String) {
        let grant = KeyGrant {
            user: "dev-access-key".to_owned(),
            projects: vec![Project {
                id: project_id,
                name: String::new(),
            }],
            security_token: None,
            expires_ms: None,
        };
        lock(&self.keys).insert(access, (secret, grant));
    }

    /// Temporary credentials for what `grant` (a token's) allows, valid for
    /// `duration`: `(access, secret, security token, expiry)`.
    pub fn issue_temporary(&self, grant: &Grant, duration: Duration) -> (String, String, String, u64) {
        let key = new_access_key();
        let security_token = format!("gQpjbi1ub3J0aC00emulator{}", random_hex(64));
        let expires_ms = now_ms() + duration.as_millis() as u64;
        let key_grant = KeyGrant {
            user: grant.user.clone(),
            projects: vec![grant.project.clone()],
            security_token: Some(security_token.clone()),
            expires_ms: Some(expires_ms),
        };
        let mut keys = lock(&self.keys);
        keys.retain(|_, (_, grant)| grant.expires_ms.is_none_or(|expires| expires > now_ms()));
        keys.insert(key.access.clone(), (key.secret.clone(), key_grant));
        (key.access, key.secret, security_token, expires_ms)
    }

    /// The secret key and grant of `access`, unless unknown, expired or locked.
    pub fn key(&self, access: &str) -> Result<(String, KeyGrant), KeyError> {
        let now = now_ms();
        if let Some(failures) = lock(&self.key_failures).get(access) {
            if failures.locked_until_ms > now {
                return Err(KeyError::Locked {
                    until_ms: failures.locked_until_ms,
                });
            }
        }
        let (secret, grant) = lock(&self.keys).get(access).cloned().ok_or(KeyError::Unknown)?;
        match grant.expires_ms {
            Some(expires) if expires <= now => Err(KeyError::Expired),
            _ => Ok((secret, grant)),
        }
    }

    /// Counts a failed signature of `access`; five in a row lock it.
    pub fn key_failed(&self, access: &str) {
        let mut all = lock(&self.key_failures);
        let failures = all.entry(access.to_owned()).or_default();
        failures.in_a_row += 1;
        if failures.in_a_row >= KEY_LOCKOUT_AFTER {
            failures.in_a_row = 0;
            failures.locked_until_ms = now_ms() + KEY_LOCKOUT_FOR.as_millis() as u64;
        }
    }

    /// Clears `access`'s failures after a good signature.
    pub fn key_succeeded(&self, access: &str) {
        lock(&self.key_failures).remove(access);
    }

    /// A token for the first user's first project, without a password
    /// (the banner's ready token).
    pub fn issue_for_first_user(&self) -> (String, Grant) {
        let user = &self.config.users[0];
        self.issue(&user.name, user.projects[0].clone())
    }

    fn issue(&self, user: &str, project: Project) -> (String, Grant) {
        let now = now_ms();
        let expires = now + self.ttl.as_millis() as u64;
        let token = format!("MIIemulator{}", random_hex(48));
        let grant = Grant {
            user: user.to_owned(),
            project,
            expires_ms: Some(expires),
        };
        let mut tokens = lock(&self.tokens);
        while tokens.issued.front().is_some_and(|(expires, _)| *expires <= now) {
            if let Some((_, expired)) = tokens.issued.pop_front() {
                tokens.by_token.remove(&expired);
            }
        }
        tokens.by_token.insert(token.clone(), grant.clone());
        tokens.issued.push_back((expires, token.clone()));
        (token, grant)
    }

    /// Signs a user in: a token for their project, or why not. Runs
    /// Argon2: call it off the async threads.
    pub fn sign_in(
        &self,
        user_name: &str,
        domain: &str,
        password: &str,
        project: &ProjectScope,
    ) -> Result<(String, Grant), SignInError> {
        let key = (domain.to_owned(), user_name.to_owned());
        let now = now_ms();
        if let Some(failures) = lock(&self.failures).get(&key) {
            if failures.locked_until_ms > now {
                return Err(SignInError::Locked {
                    until_ms: failures.locked_until_ms,
                });
            }
        }
        let user = self
            .config
            .users
            .iter()
            .find(|user| user.name == user_name && user.domain == domain);
        let Some(user) = user else {
            verify_password(password, &self.decoy_hash);
            return Err(SignInError::Wrong);
        };
        if !verify_password(password, &user.password_hash) {
            let mut all = lock(&self.failures);
            let failures = all.entry(key).or_default();
            failures.in_a_row += 1;
            if failures.in_a_row >= LOCKOUT_AFTER {
                failures.in_a_row = 0;
                failures.locked_until_ms = now + LOCKOUT_FOR.as_millis() as u64;
            }
            return Err(SignInError::Wrong);
        }
        lock(&self.failures).remove(&key);
        let project = user
            .projects
            .iter()
            .find(|candidate| match project {
                ProjectScope::Id(id) => &candidate.id == id,
                ProjectScope::Name(name) => &candidate.name == name,
            })
            .ok_or(SignInError::Wrong)?
            .clone();
        Ok(self.issue(&user.name, project))
    }

    /// What `token` grants, if it is known and not expired.
    pub fn check(&self, token: Option<&str>) -> Result<Grant, TokenError> {
        let token = token.filter(|token| !token.is_empty()).ok_or(TokenError::Missing)?;
        let grant = lock(&self.tokens)
            .by_token
            .get(token)
            .cloned()
            .ok_or(TokenError::Unknown)?;
        match grant.expires_ms {
            Some(expires) if expires <= now_ms() => Err(TokenError::Expired),
            _ => Ok(grant),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::PasswordVerifier;

    /// The check with reused memory says what the crate's own verifier says.
    #[test]
    fn password_checks_agree_with_the_argon2_crate() {
        let hash = hash_password("correct horse").unwrap();
        let parsed = PasswordHash::new(&hash).unwrap();
        for (password, right) in [("correct horse", true), ("correct horse ", false), ("", false)] {
            assert_eq!(verify_password(password, &hash), right, "{password:?}");
            assert_eq!(
                Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
                right
            );
        }
        assert!(!verify_password("x", "$argon2id$v=19$m=19456,t=2,p=1$broken"));
        assert!(!verify_password("x", "not a hash"));
    }
}
