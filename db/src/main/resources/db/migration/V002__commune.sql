-- Les communes de France (communes actuelles de métropole et des DROM, Code officiel géographique de l'INSEE) :
-- données de référence chargées par V003__Commune_data (classe Java) depuis reference/communes.csv.
-- nom_recherche : nom en minuscules, sans accents, apostrophes et traits d'union changés en espaces
-- (calculé en Java : pas d'extension unaccent sur le PostgreSQL embarqué).

create table commune (
    code_insee        varchar(5)   primary key,
    nom               varchar(100) not null,
    nom_recherche     varchar(100) not null,
    code_departement  varchar(3)   not null,
    nom_departement   varchar(100) not null,
    code_epci         varchar(9),
    nom_epci          varchar(200),
    codes_postaux     varchar(200) not null default '',
    population        integer,
    latitude          numeric(9, 6),
    longitude         numeric(9, 6)
);

create index commune_code_departement_idx on commune (code_departement);
-- [jooq ignore start]
create index commune_nom_recherche_idx on commune (nom_recherche varchar_pattern_ops);
-- [jooq ignore stop]
