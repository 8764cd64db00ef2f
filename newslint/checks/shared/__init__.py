"""What rule types share: the Check base class, the phrase index, line claims, the line layout, fixes
and message wording."""
