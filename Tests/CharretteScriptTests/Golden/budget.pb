META
key;value
description;Youth budget
num_projects;4
num_votes;10
budget;100
vote_type;approval
PROJECTS
project_id;cost;name
p1;50;Skate park
p2;40;Bike lanes
p3;40;Library hours
p4;20;Water fountains
VOTES
voter_id;vote
1;p1,p2
2;p1,p2
3;p1,p2
4;p1,p2
5;p1,p2,p4
6;p1
7;p3
8;p3
9;p3,p4
10;p3
