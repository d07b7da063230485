-- Structures: identifiers, agréments, ESS status declared / verified, commune from the official list,
-- position, domaines d'intervention, public contact; membership requests and administrators.

alter table structure drop constraint structure_nom_uk;

alter table structure add column siret varchar(14);
alter table structure add column rna varchar(10);
alter table structure add column agrement_esus boolean not null default false;
alter table structure add column siae_type varchar(10);
alter table structure add column entreprise_adaptee boolean not null default false;
alter table structure add column commune_insee varchar(5) references commune (code_insee);
alter table structure add column adresse varchar(300);
alter table structure add column latitude numeric(9, 6);
alter table structure add column longitude numeric(9, 6);
alter table structure add column site_web varchar(300);
alter table structure add column contact_public varchar(300);
alter table structure add column statut_verification varchar(20) not null default 'A_VERIFIER';
alter table structure add column motif_refus varchar(1000);
alter table structure add column verifie_par bigint references app_user (app_user_id);
alter table structure add column verifie_le timestamptz;
-- Lower-case, accent-free text of the public fields, maintained by the application (no unaccent extension).
alter table structure add column recherche_texte varchar(6000) not null default '';

alter table structure add constraint structure_siret_uk unique (siret);
alter table structure add constraint structure_siret_ck check (siret is null or siret ~ '^[0-9]{14}$');
alter table structure add constraint structure_rna_ck check (rna is null or rna ~ '^W([0-9]{9}|2[AB][0-9]{7})$');
alter table structure add constraint structure_siae_ck check (siae_type is null or siae_type in ('AI', 'ACI', 'EI', 'ETTI'));
alter table structure add constraint structure_verification_ck
    check (statut_verification in ('A_VERIFIER', 'VERIFIEE', 'REFUSEE'));
alter table structure add constraint structure_position_ck
    check ((latitude is null and longitude is null)
        or (latitude between -90 and 90 and longitude between -180 and 180));

-- Structures created before this migration: find their commune in the official list.
-- [jooq ignore start]
update structure s set commune_insee = (select c.code_insee from commune c
    where c.code_departement = s.code_departement and lower(c.nom) = lower(s.commune) limit 1);
update structure s set latitude = c.latitude, longitude = c.longitude
    from commune c where c.code_insee = s.commune_insee and s.latitude is null;
-- [jooq ignore stop]

create table structure_domaine (
    structure_id  bigint      not null references structure (structure_id),
    domaine       varchar(40) not null,
    primary key (structure_id, domaine)
);

alter table structure_membre add column administrateur boolean not null default false;
alter table structure_membre add column statut varchar(20) not null default 'MEMBRE';
alter table structure_membre add column message varchar(1000);
alter table structure_membre add column created_at timestamptz not null default now();
alter table structure_membre add constraint structure_membre_statut_ck check (statut in ('MEMBRE', 'DEMANDE'));
-- Existing members (created by administrators) administer their structure.
update structure_membre set administrateur = true;

create index structure_commune_idx on structure (commune_insee);
create index structure_verification_idx on structure (statut_verification);
create index structure_domaine_domaine_idx on structure_domaine (domaine);

-- [jooq ignore start]
create index structure_recherche_idx on structure using gin (to_tsvector('french', recherche_texte));
-- [jooq ignore stop]
