-- Issue 11 : durées de conservation des données personnelles (RGPD), appliquées chaque nuit par fr.communs.retention.

-- Dernière connexion réussie d'un compte (écrite à chaque connexion). Les comptes existants n'en ont pas de trace :
-- leur inactivité se compte à partir de cette version, jamais d'une date plus ancienne.
alter table app_user add column derniere_connexion timestamptz;
update app_user set derniere_connexion = now();
-- Courriel « votre compte sera supprimé le … » envoyé à un compte inactif (effacé à la connexion suivante).
alter table app_user add column inactivite_avertie_le timestamptz;
-- Compte anonymisé : adresse, nom, mot de passe et direction effacés ; la ligne reste pour que les dossiers auxquels
-- la personne a participé gardent leurs références (« Compte supprimé »).
alter table app_user add column anonymise_le timestamptz;
create index app_user_derniere_connexion_idx on app_user (derniere_connexion);

create index notification_created_idx on notification (created_at);
create index account_token_expires_idx on account_token (expires_at);
