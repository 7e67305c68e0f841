-- DatabaseOutageIT: a migration that runs longer than the test's statement timeout (2 s).
select pg_sleep(3);
