//! A minimal IAM stand-in: users from a config file, password tokens scoped
//! to one project, returned in `X-Subject-Token` as IAM does.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use crate::clock::now_ms;

/// A project a user may scope a token to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    /// IAM project names are region names, e.g. `cn-north-4`.
    pub name: String,
}

/// A user of the config file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub password: String,
    pub domain: String,
    pub projects: Vec<Project>,
}

/// The config file: `{"users": [...]}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IamConfig {
    pub users: Vec<User>,
}

impl IamConfig {
    /// Reads `path`, or creates it with one development user when absent.
    /// Returns the config and whether it was just created.
    pub fn load_or_create(path: &Path) -> io::Result<(IamConfig, bool)> {
        if path.exists() {
            let config: IamConfig = serde_json::from_slice(&fs::read(path)?)
                .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {error}", path.display())))?;
            if config.users.iter().any(|user| user.projects.is_empty()) || config.users.is_empty() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: every user needs at least one project", path.display()),
                ));
            }
            return Ok((config, false));
        }
        let config = IamConfig {
            users: vec![User {
                name: "dev".to_owned(),
                password: random_hex(12),
                domain: "dev-domain".to_owned(),
                projects: vec![Project {
                    id: random_hex(16),
                    name: "cn-north-4".to_owned(),
                }],
            }],
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let temporary = path.with_extension("json.tmp");
        fs::write(&temporary, serde_json::to_vec_pretty(&config)?)?;
        fs::rename(&temporary, path)?;
        Ok((config, true))
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

/// Issued tokens (in memory: a restart signs everyone out, as token
/// revocation would) and the IAM users.
pub struct Iam {
    config: IamConfig,
    ttl: Duration,
    tokens: Mutex<HashMap<String, Grant>>,
}

impl Iam {
    /// An IAM with `config`'s users issuing tokens valid for `ttl`.
    pub fn new(config: IamConfig, ttl: Duration) -> Self {
        Iam {
            config,
            ttl,
            tokens: Mutex::new(HashMap::new()),
        }
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
        self.lock().insert(token, grant);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Grant>> {
        self.tokens.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Issues a token for a user's project; `None` when the user, domain,
    /// password or project do not match (IAM does not say which).
    pub fn issue(
        &self,
        user_name: &str,
        domain: &str,
        password: &str,
        project: &ProjectScope,
    ) -> Option<(String, Grant)> {
        let user = self
            .config
            .users
            .iter()
            .find(|user| user.name == user_name && user.domain == domain && user.password == password)?;
        let project = user
            .projects
            .iter()
            .find(|candidate| match project {
                ProjectScope::Id(id) => &candidate.id == id,
                ProjectScope::Name(name) => &candidate.name == name,
            })?
            .clone();
        let token = format!("MIIemulator{}", random_hex(48));
        let grant = Grant {
            user: user.name.clone(),
            project,
            expires_ms: Some(now_ms() + self.ttl.as_millis() as u64),
        };
        let mut tokens = self.lock();
        let now = now_ms();
        tokens.retain(|_, grant| grant.expires_ms.is_none_or(|expires| expires > now));
        tokens.insert(token.clone(), grant.clone());
        Some((token, grant))
    }

    /// What `token` grants, if it is known and not expired.
    pub fn check(&self, token: Option<&str>) -> Result<Grant, TokenError> {
        let token = token.filter(|token| !token.is_empty()).ok_or(TokenError::Missing)?;
        let grant = self.lock().get(token).cloned().ok_or(TokenError::Unknown)?;
        match grant.expires_ms {
            Some(expires) if expires <= now_ms() => Err(TokenError::Expired),
            _ => Ok(grant),
        }
    }
}

/// How a token request names its project.
#[derive(Debug, Clone)]
pub enum ProjectScope {
    Id(String),
    Name(String),
}
