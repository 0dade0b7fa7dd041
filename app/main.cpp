// Promptotype — command-line tool. The verbs, their table and `help` are in app/cli.h.

#include "app/cli.h"

int main(int argc, char** argv) { return pt::cli::runCommandLine(argc, argv); }
