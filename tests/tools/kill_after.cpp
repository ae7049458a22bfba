// kill_after MICROSECONDS COMMAND [ARGS...]
//
// Runs COMMAND, sends it SIGKILL once MICROSECONDS have passed (unless it
// has finished by then) and prints "killed" or "exited N"; what the command
// prints is discarded, its standard input is /dev/null. For the
// crash-safety test: a delay picked at random lands anywhere in the life of
// the process, far more precisely than `timeout` or `sleep` in a shell.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::fprintf(stderr, "usage: kill_after MICROSECONDS COMMAND [ARGS...]\n");
    return 2;
  }
  const long micros = std::strtol(argv[1], nullptr, 10);
  const pid_t pid = ::fork();
  if (pid < 0) {
    std::perror("kill_after: fork");
    return 2;
  }
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
      ::dup2(null, STDIN_FILENO);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
    }
    ::execv(argv[2], argv + 2);
    std::perror("kill_after: exec");
    ::_exit(127);
  }
  timespec delay{micros / 1000000, (micros % 1000000) * 1000};
  while (::nanosleep(&delay, &delay) != 0 && errno == EINTR) {
  }
  // The child is not reaped yet, so its pid cannot have been reused; a
  // signal to a process that already exited does nothing.
  ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    std::printf("killed\n");
  } else {
    std::printf("exited %d\n", WEXITSTATUS(status));
  }
  return 0;
}
