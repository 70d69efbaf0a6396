META
key;value
description;Budget
country;
unit;
instance;
num_projects;5
num_votes;9
budget;100
vote_type;approval
rule;
PROJECTS
project_id;cost;name
#1;50;"#1 Free passes, ""for all"""
#2;40;#2 Night buses
#3;40;#3 Lighting
#4;20;#4 Bike racks
#5;10;#5 Wifi
VOTES
voter_id;vote
1;#1,#2
2;#1,#2
3;#1
4;#3
5;#3,#4
6;#2
7;#1,#4
8;#4,#5
9;#3,#5
