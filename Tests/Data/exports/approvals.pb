META
key;value
description;Approvals
country;
unit;
instance;
num_projects;5
num_votes;9
budget;0
vote_type;approval
rule;
PROJECTS
project_id;cost;name
#1;0;"#1 Free passes, ""for all"""
#2;0;#2 Night buses
#3;0;#3 Lighting
#4;0;#4 Bike racks
#5;0;#5 Wifi
VOTES
voter_id;vote
1;#1,#2
2;#1
3;#3,#4
4;#3
5;#2,#3
6;#4,#5
7;#1,#2,#3
8;#5
9;#1,#5
