#include "mentor/util/process.hpp"

#include <doctest/doctest.h>

#include <string>

using mentor::util::run_process;

TEST_SUITE("util::process")
{
  TEST_CASE("runs a program with arguments, no shell, and collects what it printed")
  {
    const auto result = run_process({"printf", "%s|%s", "two words", "$HOME;*"});
    CHECK(result.started);
    CHECK(result.status == 0);
    CHECK(result.out == "two words|$HOME;*");
    CHECK(result.err.empty());
  }

  TEST_CASE("exit status and standard error")
  {
    const auto result = run_process({"sh", "-c", "echo oops >&2; exit 3"});
    CHECK(result.started);
    CHECK(result.status == 3);
    CHECK(result.err == "oops\n");
  }

  TEST_CASE("a program that is not there is not started")
  {
    const auto result = run_process({"mentor-no-such-program-here"});
    CHECK_FALSE(result.started);
    CHECK_FALSE(result.err.empty());
    CHECK_FALSE(run_process({}).started);
  }

  TEST_CASE("extra environment variables reach the child only")
  {
    const auto result = run_process({"sh", "-c", "printf %s \"$MENTOR_TEST_VALUE\""}, {{"MENTOR_TEST_VALUE", "x y"}});
    CHECK(result.out == "x y");
    CHECK(std::getenv("MENTOR_TEST_VALUE") == nullptr);
  }

  TEST_CASE("standard input is empty and large outputs on both streams do not block")
  {
    CHECK(run_process({"cat"}).out.empty());
    const auto result = run_process({"sh", "-c", "head -c 300000 /dev/zero; head -c 200000 /dev/zero >&2; echo end"});
    CHECK(result.status == 0);
    CHECK(result.out.size() == 300004);
    CHECK(result.err.size() == 200000);
  }
}
