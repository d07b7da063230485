-- Issue 11: least privilege. Only the agents of the service that runs the appel (Innovation sociale et solidaire)
-- keep the role AGENT (back office, instruction, verification, comité avis, Assemblée vote). The agents of other
-- directions asked for an avis become REFERENT: they read only the files on which their avis was asked.
alter table app_user drop constraint app_user_role_ck;
alter table app_user add constraint app_user_role_ck check (role in ('STRUCTURE', 'AGENT', 'REFERENT', 'COMITE', 'ADMIN'));

-- V007 gave every agent then existing the service's direction; an agent later given another direction is a référent.
update app_user set role = 'REFERENT'
where role = 'AGENT' and direction is not null and direction <> 'Innovation sociale et solidaire';
