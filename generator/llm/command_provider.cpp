// Promptotype — the "command" provider: pipes the prompt to a shell command (an LLM CLI such as
// `llm -m gpt-4o` or `ollama run llama3.1`) and streams what it prints.
//
// The command runs under /bin/sh -c in its own process group, so cancelling or timing out kills
// everything it started. Stdin is written while stdout and stderr are read (one poll loop), so a
// large prompt cannot deadlock against a program that answers before it has read everything.
//
// [SECTION] Prompt text
// [SECTION] Child process
// [SECTION] Provider

#include "generator/llm/credentials.h"
#include "generator/llm/providers_internal.h"
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pt {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kStderrTail = 2048;   // kept for the error message

//-----------------------------------------------------------------------------
// [SECTION] Prompt text
//-----------------------------------------------------------------------------

// The whole conversation as one text, each part under a marker line.
std::string promptText(const LlmRequest& request) {
    std::string text;
    if (!request.system.empty()) text += "=== SYSTEM ===\n" + request.system + "\n\n";
    for (const LlmMessage& m : request.messages)
        text += (m.role == "assistant" ? "=== ASSISTANT ===\n" : "=== USER ===\n") + m.content + "\n\n";
    return text;
}

std::string seconds(double sec) {
    char buf[32];
    snprintf(buf, sizeof buf, "%g s", sec);
    return buf;
}

// The program name only: the rest of the command line may hold a key.
std::string programName(const std::string& command) {
    size_t start = command.find_first_not_of(" \t");
    if (start == std::string::npos) return "";
    return command.substr(start, command.find_first_of(" \t", start) - start);
}

//-----------------------------------------------------------------------------
// [SECTION] Child process
//-----------------------------------------------------------------------------

// Blocks SIGPIPE on this thread while we write to a pipe whose reader may exit, and swallows a
// pending one afterwards, without touching the process-wide disposition.
class SigpipeGuard {
public:
    SigpipeGuard() {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_set, &m_old);
    }
    ~SigpipeGuard() {
        if (sigismember(&m_old, SIGPIPE)) return;   // it was blocked before us: leave any pending one alone
        struct timespec zero = {0, 0};
        while (sigtimedwait(&m_set, nullptr, &zero) > 0) {}
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }

private:
    sigset_t m_set, m_old;
};

void closeFd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

// A running `/bin/sh -c COMMAND` with pipes to its stdin, stdout and stderr.
struct Child {
    pid_t pid = -1;
    int in = -1, out = -1, err = -1;   // our ends

    bool start(const std::string& command, std::string* error) {
        int inPipe[2] = {-1, -1}, outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1};
        if (pipe2(inPipe, O_CLOEXEC) != 0 || pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0)
            return fail(errno, {inPipe[0], inPipe[1], outPipe[0], outPipe[1], errPipe[0], errPipe[1]}, error);
        const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
        pid = fork();
        if (pid == 0) {   // child: async-signal-safe calls only
            setpgid(0, 0);
            dup2(inPipe[0], 0);
            dup2(outPipe[1], 1);
            dup2(errPipe[1], 2);
            execv("/bin/sh", const_cast<char* const*>(argv));
            _exit(127);
        }
        if (pid < 0) return fail(errno, {inPipe[0], inPipe[1], outPipe[0], outPipe[1], errPipe[0], errPipe[1]}, error);
        for (int fd : {inPipe[0], outPipe[1], errPipe[1]}) close(fd);
        in = inPipe[1];
        out = outPipe[0];
        err = errPipe[0];
        setpgid(pid, pid);   // also here: whichever runs first, the group exists before we might kill it
        for (int fd : {in, out, err}) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        return true;
    }
    void killGroup() {
        if (pid > 0) kill(-pid, SIGKILL);
    }
    void reap() {   // after killGroup(): SIGKILL cannot be ignored, so this returns
        while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {}
        pid = -1;
    }
    bool exited(int* status) {
        int s = 0;
        pid_t r = waitpid(pid, &s, WNOHANG);
        if (r != pid) return false;
        *status = s;
        pid = -1;
        return true;
    }
    void closeAll() {
        closeFd(in);
        closeFd(out);
        closeFd(err);
    }
    ~Child() {
        closeAll();
        if (pid > 0) {
            killGroup();
            reap();
        }
    }

private:
    static bool fail(int errorNumber, std::initializer_list<int> fds, std::string* error) {
        for (int fd : fds)
            if (fd >= 0) close(fd);
        *error = std::string("cannot start the command: ") + std::strerror(errorNumber);
        return false;
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Provider
//-----------------------------------------------------------------------------

class CommandProvider : public LlmProvider {
public:
    explicit CommandProvider(const ProviderSettings& settings) : m_settings(settings) {}
    std::string name() const override { return "command"; }
    std::string model() const override { return m_settings.model; }

    LlmResult complete(const LlmRequest& request, const TextSink& onText, const std::atomic<bool>* cancel) override {
        LlmResult r;
        std::string program = "`" + programName(m_settings.command) + "`";
        auto fail = [&](const std::string& finish, const std::string& message) {
            r.ok = false;
            r.finishReason = finish;
            r.error = "command: " + message;
            return r;
        };
        if (cancel && cancel->load()) {
            r.cancelled = true;
            return fail("cancelled", "cancelled before " + program + " started");
        }
        SigpipeGuard sigpipeGuard;
        Child child;
        std::string startError;
        if (!child.start(m_settings.command, &startError)) return fail("error", startError);

        const std::string prompt = promptText(request);
        size_t written = 0;
        std::string stderrTail;
        auto lastActivity = Clock::now();
        auto idleLimit = std::chrono::duration<double>(m_settings.idleTimeoutSec);
        bool cancelled = false, timedOut = false;
        if (prompt.empty()) closeFd(child.in);

        while (child.out >= 0 || child.err >= 0) {
            if (cancel && cancel->load()) { cancelled = true; break; }
            if (Clock::now() - lastActivity > idleLimit) { timedOut = true; break; }
            pollfd fds[3];
            int n = 0;
            if (child.in >= 0) fds[n++] = {child.in, POLLOUT, 0};
            if (child.out >= 0) fds[n++] = {child.out, POLLIN, 0};
            if (child.err >= 0) fds[n++] = {child.err, POLLIN, 0};
            if (poll(fds, n, 50) <= 0) continue;
            for (int i = 0; i < n; ++i) {
                if (!fds[i].revents) continue;
                int fd = fds[i].fd;
                if (fd == child.in) {
                    ssize_t w = write(fd, prompt.data() + written, prompt.size() - written);
                    if (w > 0) { written += (size_t)w; lastActivity = Clock::now(); }
                    if (written == prompt.size() || (w < 0 && errno != EAGAIN && errno != EINTR)) closeFd(child.in);   // done, or it stopped reading
                    continue;
                }
                char buf[65536];
                ssize_t got = read(fd, buf, sizeof buf);
                if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                if (got <= 0) {
                    closeFd(fd == child.out ? child.out : child.err);
                    continue;
                }
                lastActivity = Clock::now();
                if (fd == child.out) {
                    r.text.append(buf, (size_t)got);
                    if (onText) onText(std::string_view(buf, (size_t)got));
                } else {
                    stderrTail.append(buf, (size_t)got);
                    if (stderrTail.size() > 2 * kStderrTail) stderrTail.erase(0, stderrTail.size() - kStderrTail);
                }
            }
        }
        // Output closed: the command normally exits now; keep honouring cancel and the idle limit until it does.
        int status = 0;
        while (!cancelled && !timedOut && !child.exited(&status)) {
            if (cancel && cancel->load()) cancelled = true;
            else if (Clock::now() - lastActivity > idleLimit) timedOut = true;
            else poll(nullptr, 0, 5);
        }
        if (cancelled || timedOut) {
            child.killGroup();
            child.reap();
        }
        child.closeAll();

        if (stderrTail.size() > kStderrTail) stderrTail.erase(0, stderrTail.size() - kStderrTail);
        while (!stderrTail.empty() && std::isspace((unsigned char)stderrTail.back())) stderrTail.pop_back();
        std::string stderrNote = stderrTail.empty() ? "" : ": " + maskCredentials(stderrTail);   // CLIs may echo their keys
        if (cancelled) {
            r.cancelled = true;
            return fail("cancelled", "cancelled; " + program + " was stopped");
        }
        if (timedOut)
            return fail("error", program + " printed nothing for " + seconds(m_settings.idleTimeoutSec) +
                                 " (idle timeout); it was stopped" + stderrNote);
        if (WIFSIGNALED(status))
            return fail("error", program + " was killed by signal " + std::to_string(WTERMSIG(status)) + stderrNote);
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (code == 127) return fail("error", program + " exited with status 127 (command not found?)" + stderrNote);
        if (code != 0) return fail("error", program + " exited with status " + std::to_string(code) + stderrNote);
        if (r.text.find_first_not_of(" \t\r\n") == std::string::npos)
            return fail("error", program + " printed nothing on stdout" + stderrNote);
        r.ok = true;
        r.finishReason = "stop";
        return r;
    }

private:
    ProviderSettings m_settings;
};

} // namespace

std::unique_ptr<LlmProvider> makeCommandProvider(const ProviderSettings& settings) {
    return std::make_unique<CommandProvider>(settings);
}

} // namespace pt
