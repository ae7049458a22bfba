#include "mentor/cli/run.hpp"

int main(int argc, char** argv)
{
  return mentor::cli::run(argc, argv);
}
