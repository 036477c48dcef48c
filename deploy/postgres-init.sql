-- One database per service (the compose stack's PostgreSQL runs this once, on first start).
CREATE DATABASE ticketing_user;
CREATE DATABASE ticketing_train;
CREATE DATABASE ticketing_ticket;
CREATE DATABASE ticketing_notification;
