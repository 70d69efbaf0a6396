META
key;value
description;Complete orders
country;
unit;
instance;
num_projects;4
num_votes;9
budget;0
vote_type;ordinal
rule;
PROJECTS
project_id;cost;name
#1;0;"#1 Free passes, ""for all"""
#2;0;#2 Night buses
#3;0;#3 Lighting
#4;0;#4 Bike racks
VOTES
voter_id;vote
1;#1,#2,#3,#4
2;#2,#1,#3,#4
3;#3,#1,#2,#4
4;#2,#3,#1,#4
5;#4,#3,#2,#1
6;#1,#4,#2,#3
7;#3,#2,#1,#4
8;#2,#4,#3,#1
9;#4,#1,#3,#2
